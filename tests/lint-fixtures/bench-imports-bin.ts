// linted as bench/fixture.ts: bench/ importing bin/ (bin/ imports bench/)
import { commands } from "@/bin/helpdesk";

export const c = commands;
