// Reads and writes settings groups. Values are validated by the group's zod schema; secret
// keys are sealed on write and opened only for server-side use (`withSecrets`), while the
// browser-facing view replaces them with a "set / not set" flag.
import { z } from "zod";
import type { Db, Tx } from "@/server/db/client";
import { db as getDb } from "@/server/db/client";
import { settingsSchemas, SECRET_KEYS, type AllSettings, type SettingsGroup } from "@/server/domain/settings/schema";
import { badRequest } from "@/server/domain/errors";
import { secretReentryNeeded } from "@/server/domain/settings/secret-guard";
import { seal, open } from "@/server/platform/settings/secret-box";
import { pgPool } from "@/server/db/pg-pool";
import { assertAutoCloseSettings } from "@/server/platform/settings/auto-close-check";

type AnyDb = Db | Tx;

export async function loadSettings<G extends SettingsGroup>(group: G, opts: { withSecrets?: boolean; db?: AnyDb } = {}): Promise<AllSettings[G]> {
  // outside a transaction, the plain pg pool: settings are read by nearly every request
  const rows = opts.db
    ? await opts.db.$queryRawUnsafe<Array<{ key: string; value: unknown }>>(`SELECT key, value FROM settings WHERE key LIKE $1`, `${group}.%`)
    : (await pgPool().query<{ key: string; value: unknown }>({ name: "settings-group", text: `SELECT key, value FROM settings WHERE key LIKE $1`, values: [`${group}.%`] })).rows;
  return parseGroup(group, rows, opts.withSecrets === true);
}

/**
 * Several groups in one statement (issue 21: the outbox needs mail, outbound and ticket settings
 * inside every write that mails). Same validation and fallbacks as loadSettings.
 */
export async function loadSettingsGroups<G extends SettingsGroup>(groups: G[], client: AnyDb): Promise<{ [K in G]: AllSettings[K] }> {
  const rows = await client.$queryRawUnsafe<Array<{ key: string; value: unknown }>>(
    `SELECT key, value FROM settings WHERE split_part(key, '.', 1) = ANY($1::text[])`, groups,
  );
  return Object.fromEntries(groups.map((g) => [g, parseGroup(g, rows.filter((r) => r.key.startsWith(`${g}.`)), false)])) as { [K in G]: AllSettings[K] };
}

function parseGroup<G extends SettingsGroup>(group: G, rows: Array<{ key: string; value: unknown }>, withSecrets: boolean): AllSettings[G] {
  const raw: Record<string, unknown> = {};
  for (const r of rows) {
    const k = r.key.slice(group.length + 1);
    raw[k] = r.value;
  }
  for (const k of Object.keys(raw)) {
    if (SECRET_KEYS.has(`${group}.${k}`)) raw[k] = withSecrets ? safeOpen(raw[k]) : "";
  }
  const parsed = (settingsSchemas[group] as z.ZodType).safeParse(raw);
  // A stored value that no longer fits the schema (after an upgrade) falls back to defaults
  // key by key instead of breaking every page.
  if (parsed.success) return parsed.data as AllSettings[G];
  const clean: Record<string, unknown> = {};
  const shape = settingsSchemas[group].shape as Record<string, z.ZodType>;
  for (const [k, v] of Object.entries(raw)) if (shape[k]?.safeParse(v).success) clean[k] = v;
  return settingsSchemas[group].parse(clean) as AllSettings[G];
}

function safeOpen(v: unknown): string {
  try {
    return typeof v === "string" ? open(v) : "";
  } catch {
    return "";
  }
}

/** Which secret keys of a group have a value (the form shows ••• for them). */
export async function secretFlags(group: SettingsGroup, client: AnyDb = getDb()): Promise<Record<string, boolean>> {
  const keys = [...SECRET_KEYS].filter((k) => k.startsWith(`${group}.`));
  const rows = await client.setting.findMany({ where: { key: { in: keys } } });
  return Object.fromEntries(keys.map((k) => [k.slice(group.length + 1), rows.some((r) => r.key === k && r.value !== "")]));
}

/**
 * Validates a partial update against the whole group (so cross-field defaults apply) and
 * writes the changed keys. An empty string for a secret key means "keep the old value".
 */
export async function updateSettings<G extends SettingsGroup>(group: G, patch: Record<string, unknown>, client: AnyDb = getDb()): Promise<AllSettings[G]> {
  const schema = settingsSchemas[group] as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const unknownKeys = Object.keys(patch).filter((k) => !(k in schema.shape));
  if (unknownKeys.length) throw badRequest("UNKNOWN_SETTING", { keys: unknownKeys });
  const current = await loadSettings(group, { withSecrets: true, db: client });
  const reenter = secretReentryNeeded(group, current as Record<string, unknown>, patch);
  if (reenter) throw badRequest("PASSWORD_REQUIRED", { fields: { [reenter]: "PASSWORD_REQUIRED" } });
  const merged: Record<string, unknown> = { ...current, ...patch };
  for (const k of Object.keys(patch)) {
    if (SECRET_KEYS.has(`${group}.${k}`) && patch[k] === "") merged[k] = (current as Record<string, unknown>)[k];
  }
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    throw badRequest("INVALID_SETTINGS", {
      fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
    });
  }
  if (group === "tickets") await assertAutoCloseSettings(client, parsed.data as AllSettings["tickets"], patch);
  if (group === "mail") await forgetCursorOfOtherMailbox(client, current as Record<string, unknown>, parsed.data as Record<string, unknown>);
  for (const k of Object.keys(patch)) {
    const full = `${group}.${k}`;
    if (SECRET_KEYS.has(full) && patch[k] === "") continue;
    const v = (parsed.data as Record<string, unknown>)[k];
    const value = SECRET_KEYS.has(full) ? seal(String(v)) : v;
    await client.setting.upsert({ where: { key: full }, create: { key: full, value: value as never }, update: { value: value as never } });
  }
  return loadSettings(group, { db: client });
}

/** What names one mailbox: another value of any of these is another UID space. */
const MAILBOX_IDENTITY = ["protocol", "host", "port", "username", "folder"] as const;

/**
 * The ingest cursor (UIDVALIDITY, last UID) belongs to one mailbox. When the settings name
 * another one, the cursor is forgotten, so the next run re-scans it from the start (the ledger
 * makes that harmless) — two mailboxes on one server may share a UIDVALIDITY, and the old
 * cursor would then skip the new mailbox's first mails.
 */
async function forgetCursorOfOtherMailbox(client: AnyDb, before: Record<string, unknown>, after: Record<string, unknown>) {
  if (MAILBOX_IDENTITY.every((k) => before[k] === after[k])) return;
  await client.mailboxState.updateMany({ where: { key: "default" }, data: { uidValidity: null, lastUid: 0n } });
}
