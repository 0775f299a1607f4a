// half of a deliberate import cycle (see README.md)
import { b } from "./cycle-b";

export const a = () => b;
