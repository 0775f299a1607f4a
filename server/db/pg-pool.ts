// A plain `pg` pool beside Prisma, for the hottest reads written as SQL (queue, counts,
// search), advisory locks, and the rate limiter's store.
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

export async function closePgPool() {
  await g.__helpdeskPool?.end();
  g.__helpdeskPool = undefined;
}
