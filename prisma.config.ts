// Prisma CLI configuration: WebAssembly schema engine + driver adapter, so every CLI command
// works without Prisma's binary download host (shared/docs/environment.md).
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./server/db/prisma-cli-adapter";

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error("DATABASE_URL must be set for the Prisma CLI (npm run helpdesk -- migrate handles this for you).");
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return cliAdapter(url);
  },
});
