// TRUNCATE every app table (not _prisma_migrations), restart ids, re-seed defaults.
import { db } from "@/server/db/client";
import { seedDefaults } from "@/server/services/setup/seed-defaults";

let tables: string[] | null = null;

export async function resetDb() {
  const client = db();
  tables ??= (
    await client.$queryRaw<{ tablename: string }[]>`SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
  ).map((r) => `"${r.tablename}"`);
  await client.$executeRawUnsafe(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
  await seedDefaults(client);
}
