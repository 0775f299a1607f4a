/**
 * Test runs give their app a DATABASE_URL, and then the app generates no secrets (server/secrets.ts):
 * this writes the DATA_DIR/secrets.json a zero-setup start would have made, so the tests (and the
 * servers they start on the same DATA_DIR) share one set.
 */
import fs from "node:fs";
import path from "node:path";
import { SECRET_NAMES, generateSecret } from "@/server/secrets";

export function ensureSecretsFile(dataDir: string): Record<string, string> {
  const file = path.join(dataDir, "secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8"));
  const s = Object.fromEntries([...SECRET_NAMES, "EMBEDDED_PG_PASSWORD"].map((n) => [n, generateSecret()]));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}
