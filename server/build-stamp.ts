// A fingerprint of everything `next build` reads (file paths and mtimes): `npm start` (bin/start.ts)
// and the bench rebuild only when it changed. Here rather than in bin/ so bench/ need not import bin/.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

const root = path.resolve(import.meta.dirname, "..");

export function sourceStamp(): string {
  const h = crypto.createHash("sha256");
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${p}:${fs.statSync(p).mtimeMs}`);
    }
  };
  for (const d of ["app", "server", "messages", "public"]) walk(path.join(root, d));
  for (const f of ["next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "proxy.ts"]) {
    const p = path.join(root, f);
    if (fs.existsSync(p)) h.update(`${p}:${fs.statSync(p).mtimeMs}`);
  }
  return h.digest("hex");
}
