// The only reader of process.env. Validated with zod at start-up: a bad value stops the app
// with a message naming the variable, instead of failing later in a request.
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0", ""]).optional().transform((v) => v === "true" || v === "1");

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
  /** where attachment bytes and large raw mails live: the local disk (UPLOAD_DIR) or an S3-compatible bucket */
  STORAGE: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: z.string().min(3).optional(),
  /** e.g. https://<account>.r2.cloudflarestorage.com, http://minio:9000; absent → AWS S3 of S3_REGION */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** bucket in the path (http://host/bucket/key): MinIO and most self-hosted stores need it */
  S3_FORCE_PATH_STYLE: flag,
  /** optional read-only PostgreSQL replica for the queue, counts, search and reports */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /** set by Vercel on its builds and functions */
  VERCEL: z.string().optional(),
  /** connections per pool (Prisma's and the raw pg pools each) */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  /** the time zone dates are shown in (next-intl); empty → Europe/Moscow */
  TZ: z.string().optional(),
  /** serve /ui-kit in a production build too (it is always on in development) */
  HELPDESK_UI_KIT: z.string().optional().transform((v) => !!v),
  /** `helpdesk admin:create` takes the password from here when --password is not given */
  HELPDESK_ADMIN_PASSWORD: z.string().optional(),
  /** the port the launcher tries first for the embedded PostgreSQL */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** issue 16.5: "sse" (a stream per tab), "poll" (no long-lived requests), "auto": poll on Vercel */
  LIVE_UPDATES: z.enum(["auto", "sse", "poll"]).default("auto"),
}).superRefine((e, ctx) => {
  const need = (name: keyof typeof e, why: string) => !e[name] && ctx.addIssue({ code: "custom", path: [name], message: `required ${why}` });
  if (e.STORAGE === "s3") need("S3_BUCKET", "when STORAGE=s3");
  if (!!e.S3_ACCESS_KEY_ID !== !!e.S3_SECRET_ACCESS_KEY) {
    ctx.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or neither: the AWS default credential chain)" });
  }
  // a serverless function has no disk that outlives the request, and no embedded PostgreSQL
  if (e.VERCEL) {
    need("DATABASE_URL", "on Vercel (a managed PostgreSQL)");
    if (e.STORAGE !== "s3") ctx.addIssue({ code: "custom", path: ["STORAGE"], message: "must be s3 on Vercel (the function's disk is not kept)" });
  }
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

/**
 * Scratch space of a run (large mails streamed from the mailbox, their parts): under DATA_DIR
 * with local storage, the OS temp dir with S3 — then nothing else is written to the local disk.
 */
export function spoolRoot(): string {
  return env().STORAGE === "s3" ? path.join(os.tmpdir(), "helpdesk-spool") : path.join(dataDir(), "spool");
}

/** for tests that change variables between cases */
export function resetEnvCache() {
  cached = undefined;
}

// Read on every call, not cached: tests and the bench change these between cases or per process.

/** LOG_LEVEL, else "warn" under tests and "info" otherwise */
export function logLevel(): "debug" | "info" | "warn" | "error" | "silent" {
  const given = process.env.LOG_LEVEL;
  if (given === "debug" || given === "info" || given === "warn" || given === "error" || given === "silent") return given;
  return process.env.NODE_ENV === "test" ? "warn" : "info";
}

/** HELPDESK_NO_KICK=1: no mail delivery after a request (the bench and multi-instance e2e have no mail server) */
export function deliveryKickDisabled(): boolean {
  return process.env.HELPDESK_NO_KICK === "1";
}
