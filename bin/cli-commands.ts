// The admin CLI's core commands (migrate, admin:create, token:create, settings:get/set). Each is
// a thin call into the same services the web app uses; the other bin/cli-*.ts files hold the
// rest, and bin/helpdesk.ts merges every file's CommandTable.
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { registerUser, passwordSchema, emailSchema, nameSchema } from "@/server/services/users/register-user";
import { loadSettings, updateSettings } from "@/server/platform/settings/settings-store";
import { settingsSchemas, coerceCliValue, SECRET_KEYS, type SettingsGroup } from "@/server/domain/settings/schema";
import { mintApiToken } from "@/server/services/admin/api-tokens";
import { DomainError } from "@/server/domain/errors";
import type { Args, CommandTable } from "@/server/cli-args";

// kept for branches in flight that import the parser from here

const need = (a: Args, k: string) => {
  const v = a.flags[k];
  if (typeof v !== "string" || !v) throw new Error(`--${k} is required`);
  return v;
};

export async function adminCreate(a: Args) {
  const email = emailSchema.parse(need(a, "email"));
  const name = nameSchema.parse((a.flags.name as string) ?? email.split("@")[0]);
  const given = typeof a.flags.password === "string" ? a.flags.password : env().HELPDESK_ADMIN_PASSWORD;
  const password = given ?? crypto.randomBytes(12).toString("base64url");
  passwordSchema.parse(password);
  const u = await registerUser(db(), { email, name, password, role: "ADMIN", locale: (a.flags.locale as string) ?? "ru" });
  console.log(`Administrator ${u.email} created (id ${u.id}).`);
  if (!given) console.log(`Password: ${password}\nChange it after signing in.`);
}

/** token:create --email … [--name …] [--scope read|read-write] [--expires-days N]: the same minting as the web UI. */
export async function tokenCreate(a: Args) {
  const email = emailSchema.parse(need(a, "email"));
  const user = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`${email} is not a staff account`);
  const days = a.flags["expires-days"];
  const scope = (a.flags.scope as string | undefined) ?? "read-write";
  if (scope !== "read" && scope !== "read-write") throw new Error("--scope must be read or read-write");
  const r = await mintApiToken(user.id, { name: (a.flags.name as string) ?? "cli", scope, expiresInDays: typeof days === "string" ? Number(days) : null }).catch((e: unknown) => {
    throw e instanceof DomainError && e.reason === "UNKNOWN_ASSIGNEE" ? new Error(`${email} is not an active staff account`) : e;
  });
  console.log(r.token);
}

/** "protocol" → mail.protocol; "mail.protocol" stays; ambiguous or unknown keys are refused. */
export function resolveKey(key: string): { group: SettingsGroup; key: string } {
  const groups = Object.keys(settingsSchemas) as SettingsGroup[];
  if (key.includes(".")) {
    const [g, k] = key.split(".", 2) as [SettingsGroup, string];
    if (groups.includes(g) && k in settingsSchemas[g].shape) return { group: g, key: k };
    throw new Error(`Unknown setting ${key}`);
  }
  const hits = groups.filter((g) => key in settingsSchemas[g].shape);
  if (hits.length === 1) return { group: hits[0]!, key };
  if (hits.length > 1) throw new Error(`Ambiguous setting ${key}: use ${hits.map((g) => `${g}.${key}`).join(" or ")}`);
  throw new Error(`Unknown setting ${key}`);
}

export async function settingsGet(a: Args) {
  const groups = a._.length ? a._ : (Object.keys(settingsSchemas) as string[]);
  for (const g of groups) {
    if (g in settingsSchemas) {
      const v = (await loadSettings(g as SettingsGroup)) as Record<string, unknown>;
      for (const [k, val] of Object.entries(v)) console.log(`${g}.${k}=${SECRET_KEYS.has(`${g}.${k}`) ? (val ? "•••" : "") : JSON.stringify(val)}`);
    } else {
      const r = resolveKey(g);
      const v = (await loadSettings(r.group)) as Record<string, unknown>;
      console.log(`${r.group}.${r.key}=${SECRET_KEYS.has(`${r.group}.${r.key}`) ? "•••" : JSON.stringify(v[r.key])}`);
    }
  }
}

export async function settingsSet(a: Args) {
  if (!a._.length) throw new Error("usage: settings:set key=value [key=value …]");
  const patches = new Map<SettingsGroup, Record<string, unknown>>();
  for (const pair of a._) {
    const i = pair.indexOf("=");
    if (i < 1) throw new Error(`Expected key=value, got "${pair}"`);
    const r = resolveKey(pair.slice(0, i));
    const p = patches.get(r.group) ?? {};
    p[r.key] = coerceCliValue(r.group, r.key, pair.slice(i + 1));
    patches.set(r.group, p);
  }
  try {
    // validate every group before writing any, so a bad value leaves nothing half-saved
    await db().$transaction(async (tx) => {
      for (const [g, p] of patches) await updateSettings(g, p, tx);
    });
  } catch (e) {
    if (e instanceof DomainError && e.details) throw new Error(`Invalid settings: ${JSON.stringify(e.details)}`);
    throw e;
  }
  console.log(`Saved ${[...patches.values()].reduce((n, p) => n + Object.keys(p).length, 0)} setting(s).`);
}

/** migrate: bin/helpdesk.ts has applied pending migrations before this runs (bin/runtime.ts, as `npm start` does); report them. */
export async function migrateCommand(_a: Args, rt: { applied: string[] }) {
  if (!rt.applied.length) console.log("No pending migrations: the database is up to date.");
  else console.log(`Applied ${rt.applied.length} migration(s):\n${rt.applied.map((m) => `  ${m}`).join("\n")}`);
}

export const coreCommands: CommandTable = {
  migrate: { help: "apply pending migrations to DATABASE_URL (or the embedded database) and list them (npm start does the same)", run: migrateCommand },
  "admin:create": { help: "--email E [--name N] [--password P]  create an administrator", run: adminCreate },
  "token:create": { help: "--email STAFF_EMAIL [--name N] [--scope read|read-write] [--expires-days N]  print a new API token for that active staff account", run: tokenCreate },
  "settings:get": { help: "[group|key …]  print settings (secrets masked)", run: settingsGet },
  "settings:set": { help: "key=value [key=value …]  validated like the settings pages", run: settingsSet },
};
