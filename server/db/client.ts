// The Prisma client singleton of the app (and CLI, cron, tests). The connection comes from
// the pg driver adapter — the one place to change when moving to Prisma 7.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const g = globalThis as unknown as { __helpdeskDb?: PrismaClient; __helpdeskDbUrl?: string };

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start` (it starts an embedded PostgreSQL) or set DATABASE_URL.");
  return url;
}

export function createDb(url = databaseUrl()): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: env().DB_POOL_MAX });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

/** One client per process (Next dev reloads modules; the global keeps it). */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (!g.__helpdeskDb || g.__helpdeskDbUrl !== url) {
    g.__helpdeskDb = createDb(url);
    g.__helpdeskDbUrl = url;
  }
  return g.__helpdeskDb;
}

export async function disconnectDb() {
  await g.__helpdeskDb?.$disconnect();
  g.__helpdeskDb = undefined;
}
