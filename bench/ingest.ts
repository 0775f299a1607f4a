// The ingest measures: N mails (≤ 50 KB) APPENDed to a throwaway Dovecot, then the app's ingest
// run (server/mail/ingest/run-ingest.ts) next to the floor (imapflow fetch + mailparser, no
// database); and one 25 MB mail for RSS growth and the longest event-loop stall. Each side runs
// in its own process (bench/ingest-worker.ts).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import { startDovecot } from "@/server/testing/dovecot";
import { rng, vocab, text } from "./vocab";

const root = path.resolve(import.meta.dirname, "..");

export type IngestSide = { mails: number; seconds: number; mailsPerSec: number; rssGrowthMb: number; maxStallMs: number; error?: string };
export type IngestResults = { small: { count: number; avgKb: number; app: IngestSide | null; floor: IngestSide | null; note?: string }; big: { mb: number; app: IngestSide | null; floor: IngestSide | null; note?: string } };

export function smallMail(i: number, r: () => number, customers: number): Buffer {
  const ru = r() < 0.7;
  const v = ru ? vocab.ru : vocab.en;
  const words = 300 + Math.floor(r() * 5_000); // ≈ 2–45 KB of text
  const body = text(v, r, words);
  const from = `customer${1 + Math.floor(r() * customers)}@bench.test`;
  const subject = text(v, r, 6).slice(0, 120);
  return Buffer.from(
    [
      `From: <${from}>`, "To: <support@example.test>", `Subject: =?UTF-8?B?${Buffer.from(subject).toString("base64")}?=`,
      `Message-ID: <bench-${i}-${crypto.randomUUID()}@client.example>`, `Date: ${new Date().toUTCString()}`, "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body.replace(/(.{1,900})(\s|$)/g, "$1\r\n"),
    ].join("\r\n"),
  );
}

export function bigMail(bytes: number): Buffer {
  const boundary = "bench-" + crypto.randomBytes(8).toString("hex");
  const attach = crypto.randomBytes(Math.floor((bytes * 3) / 4) - 4096).toString("base64").replace(/(.{76})/g, "$1\r\n");
  return Buffer.from(
    [
      "From: <customer1@bench.test>", "To: <support@example.test>", "Subject: Big attachment", `Message-ID: <bench-big-${crypto.randomUUID()}@client.example>`,
      `Date: ${new Date().toUTCString()}`, "MIME-Version: 1.0", `Content-Type: multipart/mixed; boundary="${boundary}"`, "",
      `--${boundary}`, "Content-Type: text/plain; charset=utf-8", "", "Please see the attached dump.", "",
      `--${boundary}`, "Content-Type: application/octet-stream; name=dump.bin", "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=dump.bin", "",
      attach, `--${boundary}--`, "",
    ].join("\r\n"),
  );
}

function worker(mode: "app" | "floor", opts: object, env: Record<string, string>): Promise<IngestSide> {
  return new Promise((resolve) => {
    const p = spawn(path.join(root, "node_modules/.bin/tsx"), ["--expose-gc", path.join(root, "bench/ingest-worker.ts"), mode, JSON.stringify(opts)], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    p.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    p.on("exit", () => {
      const line = out.trim().split("\n").pop() ?? "{}";
      try {
        const j = JSON.parse(line) as IngestSide & { error?: string };
        if (j.error) return resolve({ mails: 0, seconds: 0, mailsPerSec: 0, rssGrowthMb: 0, maxStallMs: 0, error: j.error.split("\n")[0] });
        resolve({ ...j, mailsPerSec: j.mails / j.seconds });
      } catch {
        resolve({ mails: 0, seconds: 0, mailsPerSec: 0, rssGrowthMb: 0, maxStallMs: 0, error: `worker printed no result: ${out.slice(-300)}` });
      }
    });
  });
}

export async function measureIngest(o: { count: number; bigMb: number; budgetS: number; customers: number; databaseUrl: string; dataDir: string; log: (s: string) => void }): Promise<IngestResults> {
  const built = fs.existsSync(path.join(root, "server/mail/ingest/run-ingest.ts"));
  const users = [{ user: "small@example.test", password: "secret-small" }, { user: "big@example.test", password: "secret-big" }];
  const dc = await startDovecot({ users });
  try {
    const r = rng(7);
    let bytes = 0;
    o.log(`appending ${o.count} mails to Dovecot …`);
    for (let i = 0; i < o.count; i++) {
      const m = smallMail(i, r, o.customers);
      bytes += m.length;
      await dc.append(m, "INBOX", [], users[0]);
    }
    await dc.append(bigMail(o.bigMb * 1_000_000), "INBOX", [], users[1]);
    const conn = { host: dc.host, port: dc.imapPort, maxMailMb: Math.ceil(o.bigMb * 1.1), budgetS: o.budgetS };
    const appEnv = {
      DATABASE_URL: o.databaseUrl, DATA_DIR: o.dataDir, NODE_ENV: "production", LOG_LEVEL: "error", HELPDESK_NO_KICK: "1",
      SETTINGS_KEY: crypto.randomBytes(32).toString("base64"), SIGNING_KEY: crypto.randomBytes(32).toString("base64"),
      AUTH_SECRET: crypto.randomBytes(32).toString("base64"), CRON_SECRET: crypto.randomBytes(32).toString("base64"),
    };
    const res: IngestResults = {
      small: { count: o.count, avgKb: bytes / o.count / 1024, app: null, floor: null },
      big: { mb: o.bigMb, app: null, floor: null },
    };
    o.log("ingest floor: imapflow fetch + parse …");
    res.small.floor = await worker("floor", { ...conn, ...users[0]! }, {});
    res.big.floor = await worker("floor", { ...conn, ...users[1]! }, {});
    if (!built) {
      res.small.note = res.big.note = "not measured: ingest not built yet";
    } else {
      o.log("ingest app: runIngest …");
      res.small.app = await worker("app", { ...conn, ...users[0]! }, appEnv);
      res.big.app = await worker("app", { ...conn, ...users[1]! }, appEnv);
    }
    return res;
  } finally {
    await dc.stop();
  }
}
