import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: pure unit tests (fast, no I/O) and integration tests against a real
// PostgreSQL / Dovecot / SMTP brought up by server/testing/global-setup.ts.
const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "app/**/*.test.ts", "bin/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["server/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["server/testing/global-setup.ts"],
          setupFiles: ["server/testing/setup-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // next-auth imports "next/server" without an extension: let Vite resolve it
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          pool: "forks",
        },
      },
    ],
  },
});
