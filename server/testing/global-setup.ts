// Vitest global setup for integration tests: one PostgreSQL (embedded or TEST_DATABASE_URL),
// one fresh migrated database, handed to the test files through provide/inject.
import type { TestProject } from "vitest/node";
import { startTestCluster, createTestDatabase } from "./test-db";

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  const url = await createTestDatabase(cluster.adminUrl);
  project.provide("databaseUrl", url);
  project.provide("adminDatabaseUrl", cluster.adminUrl);
  return async () => {
    await cluster.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}
