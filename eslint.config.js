// Lint: the recommended JS + TypeScript rules, React hooks rules from Next's config where
// they apply, and the house rules (no floating console noise in app code is not enforced).
// Below them, the layer edges of README "Layout" (issue 19), each with a fixture that proves it
// bites: tests/lint-fixtures/ + bin/lint-rules.test.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// `import type` crosses any edge (types vanish at build time); the rules stop values only.
const restrict = (patterns) => ["error", { patterns: patterns.map((p) => ({ allowTypeImports: true, ...p })) }];
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "server/testing/**", "e2e/**", "tests/**", "**/__fixtures__/**"];

// app/ (pages, layouts, server actions, route handlers) reaches data only through the server-side
// tRPC caller (app/_trpc/server.tsx → server/api). Allowed from app/: server/api (caller, router
// types), server/domain (pure rules), server/i18n, server/auth (session and actor helpers),
// server/env, server/http (bodies of non-tRPC route handlers: downloads), server/cron (the cron
// route wrapper), server/security/headers, server/logger, server/platform/sanitize (a pure render
// helper). Not allowed: server/db, server/services, server/mail, the rest of server/platform.
const APP_EDGE = [
  { group: ["@/server/db", "@/server/db/**", "**/server/db/**"], message: "app/ reaches data through the server-side tRPC caller (app/_trpc/server.tsx), not server/db." },
  { group: ["@/server/services/**", "**/server/services/**"], message: "app/ calls use cases through the server-side tRPC caller (app/_trpc/server.tsx), not server/services." },
  { group: ["@/server/mail/**", "**/server/mail/**"], message: "app/ reaches mail through tRPC procedures, not server/mail." },
  { group: ["@/server/platform/**", "!@/server/platform/sanitize"], message: "app/ reads settings, files and audit through tRPC procedures, not server/platform." },
];

// server/domain is pure: no database, network, file system, mail, platform or framework.
// (server/domain/net/internal-address.ts uses node:net's pure isIP helpers under a disable comment.)
const DOMAIN_EDGE = [
  { group: ["@/server/db", "@/server/db/**", "@/server/mail/**", "@/server/services/**", "@/server/platform/**", "@/server/api/**", "@/server/auth/**", "@/server/cron/**", "@/server/http/**", "@/server/testing/**"], message: "server/domain is pure (no I/O): pass data in from the service that calls it." },
  { group: ["@/server/env", "@/server/secrets", "@/server/logger", "@/server/generated/**"], message: "server/domain is pure: configuration, secrets, logs and the Prisma client stay in the callers." },
  { group: ["fs", "fs/*", "node:fs", "node:fs/*", "net", "node:net", "http", "node:http", "https", "node:https", "http2", "node:http2", "child_process", "node:child_process", "dgram", "node:dgram", "tls", "node:tls", "dns", "node:dns"], message: "server/domain is pure: no file system, sockets or processes." },
  { group: ["pg", "@prisma/*", "prisma", "mysql2", "mysql2/*", "imapflow", "nodemailer", "nodemailer/*", "resend", "@aws-sdk/*", "next", "next/*", "next-auth", "next-auth/*", "@trpc/*", "react", "react-dom"], message: "server/domain is pure: no database, mail, storage, HTTP or UI library." },
];

// server/mail sits below server/services: it uses server/platform (settings, storage, audit,
// sanitize), never a use case. Exception: the ingest's write step (mail-writes.ts) is itself a use
// case that reuses the ticket and user services (add-reply, auto-assign, participants, tokens).
const MAIL_EDGE = [{ group: ["@/server/services/**", "**/server/services/**"], message: "server/mail must not import server/services: settings store, storage, audit and sanitize are in server/platform." }];

export default tseslint.config(
  { ignores: ["node_modules/**", ".next*/**", "server/generated/**", "data/**", ".tmp/**", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts", "packages/*/dist/**", "tests/lint-fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
      // server/env.ts is the only reader of process.env (zod-validated, one message per bad variable)
      "no-restricted-syntax": ["error", { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration through server/env.ts (env()), the only reader of process.env." }],
    },
  },
  {
    // process.env allowed: the reader itself; tests and test kits (they set variables per case);
    // the launchers that hand an environment to child processes (bin/start.ts, bin/runtime.ts,
    // bin/test.ts) and bench/ (which starts the app under load); config files read by tools
    // before the app exists (next, playwright, prisma, vitest).
    files: ["server/env.ts", ...TEST_FILES, "bin/start.ts", "bin/runtime.ts", "bin/test.ts", "bench/**", "*.config.ts", "*.config.mjs", "*.config.js", "packages/client/build.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  { files: ["app/**/*.ts", "app/**/*.tsx"], rules: { "@typescript-eslint/no-restricted-imports": restrict(APP_EDGE) } },
  { files: ["server/domain/**/*.ts"], ignores: TEST_FILES, rules: { "@typescript-eslint/no-restricted-imports": restrict(DOMAIN_EDGE) } },
  { files: ["server/mail/**/*.ts"], ignores: [...TEST_FILES, "server/mail/ingest/mail-writes.ts"], rules: { "@typescript-eslint/no-restricted-imports": restrict(MAIL_EDGE) } },
  // bin/ imports bench/ (`seed:bench`); bench/ never imports bin/ (shared bits are in server/)
  { files: ["bench/**/*.ts"], rules: { "@typescript-eslint/no-restricted-imports": restrict([{ group: ["@/bin/**", "**/bin/**"], message: "bench/ must not import bin/ (bin/ imports bench/): shared code goes to server/." }]) } },
);
