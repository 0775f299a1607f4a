// A plain `pg` pool beside Prisma, for the hottest reads written as SQL (queue, counts,
// search), advisory locks, and the rate limiter's store.
import crypto from "node:crypto";
import pg from "pg";
import { databaseUrl } from "./client";
import { env } from "@/server/env";

const g = globalThis as unknown as { __helpdeskPool?: pg.Pool; __helpdeskPoolUrl?: string; __searchPool?: pg.Pool; __searchPoolUrl?: string };

/**
 * Session settings of the search pool's connections, sent at connection start (so a search is
 * one round trip, not BEGIN + SET LOCAL + query + COMMIT): a generic plan for every prepared
 * statement — planning the KB search costs more than running it — and pg_trgm's word-similarity
 * threshold at 0.3 instead of 0.6 (one wrong letter in a five-letter word, porol → parol, shares
 * 3 of 9 trigrams). Only statements that want both run here.
 */
export const SEARCH_SESSION_OPTIONS = "-c plan_cache_mode=force_generic_plan -c pg_trgm.word_similarity_threshold=0.3";

type PoolKey = "__helpdeskPool" | "__searchPool";

/** One pool per key and database URL, made on first use (a changed DATABASE_URL — tests — gets a fresh one). */
function poolFor(key: PoolKey, options?: string): pg.Pool {
  const url = databaseUrl();
  const urlKey = `${key}Url` as const;
  if (!g[key] || g[urlKey] !== url) {
    const pool = new pg.Pool({ connectionString: url, max: env().DB_POOL_MAX, allowExitOnIdle: true, ...(options ? { options } : {}) });
    pool.on("error", () => {});
    g[key] = pool;
    g[urlKey] = url;
  }
  return g[key]!;
}

export function pgPool(): pg.Pool {
  return poolFor("__helpdeskPool");
}

/** The pool of the knowledge-base search (SEARCH_SESSION_OPTIONS); the same size as pgPool's. */
export function searchPool(): pg.Pool {
  return poolFor("__searchPool", SEARCH_SESSION_OPTIONS);
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
  await g.__searchPool?.end();
  g.__searchPool = undefined;
}
