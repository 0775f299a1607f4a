// linted as server/domain/tickets/fixture.ts: a "pure" rule that reads the database and a file
import fs from "node:fs";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import type { Actor } from "@/server/domain/actor";

export const impure = (a: Actor) => [fs, db, env, a];
