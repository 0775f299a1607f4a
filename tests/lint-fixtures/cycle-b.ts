// the other half of the deliberate import cycle
import type { a } from "./cycle-a";

export const b = (x?: typeof a) => x;
