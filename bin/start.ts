// `npm start`: database (embedded when DATABASE_URL is unset) → migrations → build when the
// sources changed → `next start` on http://localhost:3000. `--dev` runs `next dev` instead.
import fs from "node:fs";
import path from "node:path";
import { sourceStamp } from "@/server/build-stamp";
import { spawn, spawnSync } from "node:child_process";
import { env } from "@/server/env";
import { secrets, SECRET_NAMES } from "@/server/secrets";
import { createDb } from "@/server/db/client";
import { hasAdmin } from "@/server/services/users/register-user";
import { prepareDatabase } from "./runtime";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", ".bin", "next");


async function main() {
  const e = env();
  const rt = await prepareDatabase((s) => console.log(`[helpdesk] ${s}`));
  const s = secrets();
  // nothing may phone home from a self-hosted install
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: rt.databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of SECRET_NAMES) childEnv[name] = s[name];

  if (!dev) {
    const stampFile = path.join(root, distDir, "helpdesk-build-stamp");
    const stamp = sourceStamp();
    const built = fs.existsSync(path.join(root, distDir, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
    if (!built) {
      console.log("[helpdesk] Building the app (first start or sources changed)…");
      const r = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
      if (r.status !== 0) {
        await rt.stop();
        process.exit(r.status ?? 1);
      }
      fs.writeFileSync(stampFile, stamp);
    }
  }

  const db = createDb(rt.databaseUrl);
  const admin = await hasAdmin(db);
  await db.$disconnect();

  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const [cmd, args] = dev ? [nextBin, ["dev", "-p", String(e.PORT)]] : [tsx, [path.join(root, "bin", "serve.ts")]];
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...childEnv, PORT: String(e.PORT), NODE_ENV: dev ? "development" : "production" },
  });
  let announced = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(`\n  Helpdesk is running at ${e.APP_URL}`);
      if (!admin) console.log(`  No administrator yet: open ${new URL("/setup", e.APP_URL)} or run: npm run helpdesk -- admin:create --email you@example.com --name "Your Name"\n`);
    }
  });
  const shutdown = async () => {
    child.kill("SIGTERM");
    await rt.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", async (code) => {
    await rt.stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(`[helpdesk] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
