// UI strings live in messages/<locale>/<namespace>.json — one file per area so that work on
// different areas never edits the same file. They are merged into one object by namespace.
import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./locale";
import { env } from "@/server/env";

const cache = new Map<Locale, Record<string, unknown>>();

export function loadMessages(locale: Locale): Record<string, unknown> {
  const hit = cache.get(locale);
  if (hit && env().NODE_ENV === "production") return hit;
  const dir = path.join(process.cwd(), "messages", locale);
  const out: Record<string, unknown> = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    out[f.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  }
  cache.set(locale, out);
  return out;
}
