// A plain `pg` pool beside Prisma, for the hottest reads written as SQL (queue, counts,
// search), advisory locks, and the rate limiter's store.
import crypto from "node:crypto";
import pg from "pg";
import { databaseUrl } from "./client";

const g = globalThis as unknown as { __helpdeskPool?: pg.Pool; __helpdeskPoolUrl?: string };

export function pgPool(): pg.Pool {
  const url = databaseUrl();
  if (!g.__helpdeskPool || g.__helpdeskPoolUrl !== url) {
    g.__helpdeskPool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10), allowExitOnIdle: true });
    g.__helpdeskPool.on("error", () => {});
    g.__helpdeskPoolUrl = url;
  }
  return g.__helpdeskPool;
}

/**
 * A statement name for pg's per-connection prepared statements, from the SQL text: the hot
 * reads skip PostgreSQL's parse and plan after a connection's first use. Only for statements
 * whose best plan does not depend on the values (never a full-text search condition).
 */
export function preparedName(prefix: string, text: string): string {
  return `${prefix}-${crypto.createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
}

export async function closePgPool() {
  await g.__helpdeskPool?.end();
  g.__helpdeskPool = undefined;
}
