// Reads that may come from a read-only replica (DATABASE_REPLICA_URL): the staff queue and its
// search, the queue counts and the reports — the heavy reads that tolerate a moment's lag.
// Everything else reads the primary, and so does everything inside a write (a tRPC mutation
// runs in `readingPrimary`), so a request never misses what it has just written.
// Without DATABASE_REPLICA_URL every read goes to the primary, as before.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/env";
import { createDb, db } from "./client";
import { pgPool } from "./pg-pool";

const primaryOnly = new AsyncLocalStorage<true>();
const g = globalThis as unknown as { __replicaPool?: pg.Pool; __replicaDb?: PrismaClient; __replicaUrl?: string };

/** Runs `fn` with every replica-eligible read sent to the primary (writes, and what follows them). */
export function readingPrimary<T>(fn: () => T): T {
  return primaryOnly.run(true, fn);
}

function replicaUrl(): string | null {
  const url = env().DATABASE_REPLICA_URL;
  if (!url || primaryOnly.getStore()) return null;
  if (g.__replicaUrl !== url) {
    void closeReplica();
    g.__replicaUrl = url;
  }
  return url;
}

/** The `pg` pool for replica-eligible SQL reads. */
export function readPool(): pg.Pool {
  const url = replicaUrl();
  if (!url) return pgPool();
  if (!g.__replicaPool) {
    g.__replicaPool = new pg.Pool({ connectionString: url, max: env().DB_POOL_MAX, allowExitOnIdle: true });
    g.__replicaPool.on("error", () => {});
  }
  return g.__replicaPool;
}

/** The Prisma client for replica-eligible reads (reports). */
export function readDb(): PrismaClient {
  const url = replicaUrl();
  if (!url) return db();
  return (g.__replicaDb ??= createDb(url));
}

export async function closeReplica() {
  const [pool, client] = [g.__replicaPool, g.__replicaDb];
  g.__replicaPool = undefined;
  g.__replicaDb = undefined;
  g.__replicaUrl = undefined;
  await Promise.all([pool?.end(), client?.$disconnect()]);
}
