// The only reader of process.env. Validated with zod at start-up: a bad value stops the app
// with a message naming the variable, instead of failing later in a request.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** any PostgreSQL ≥ 14; absent → the launcher starts an embedded PostgreSQL */
  DATABASE_URL: z.string().url().optional(),
  /** where secrets.json, uploads and the embedded database live */
  DATA_DIR: z.string().default("./data"),
  UPLOAD_DIR: z.string().optional(),
  /** public address of the site, used in mail links and shown on the mail settings page */
  APP_URL: z.string().url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  AUTH_SECRET: z.string().optional(),
  CRON_SECRET: z.string().optional(),
  SETTINGS_KEY: z.string().optional(),
  SIGNING_KEY: z.string().optional(),
  /** reverse proxies in front of the app that append to X-Forwarded-For (0 = none) */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  RESEND_BASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /**
   * trusted-proxy mode: a request header the platform in front of the app overwrites with the
   * client's address (Vercel: `x-real-ip`). Only for platforms that set it on every request;
   * bin/serve.ts needs none (it reads the socket).
   */
  TRUSTED_IP_HEADER: z.string().regex(/^[a-z0-9-]+$/i).optional(),
  /**
   * mail "test connection" refuses private, loopback and link-local addresses unless listed here:
   * comma-separated IPs or CIDR ranges (e.g. `127.0.0.1,10.0.0.0/8` for a mail server on the LAN)
   */
  MAIL_TEST_ALLOW_HOSTS: z.string().default(""),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().DATA_DIR);
}

export function uploadDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().UPLOAD_DIR ?? path.join(dataDir(), "uploads"));
}

/** for tests that change variables between cases */
export function resetEnvCache() {
  cached = undefined;
}
