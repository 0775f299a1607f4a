// The admin's settings forms: read a group for the browser (secrets as "set / not set" flags)
// and save a change together with its audit row — one transaction, so there is never a change
// without its record nor a record of a change that did not happen.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import type { SettingsGroup } from "@/server/domain/settings/schema";
import { recordEvent } from "@/server/platform/audit";
import { loadSettings, secretFlags, updateSettings } from "@/server/platform/settings/settings-store";

export async function readSettings(group: SettingsGroup) {
  return { values: await loadSettings(group), secretsSet: await secretFlags(group) };
}

export async function saveSettings(actor: Actor, group: SettingsGroup, patch: Record<string, unknown>) {
  return db().$transaction(async (tx) => {
    const values = await updateSettings(group, patch, tx);
    await recordEvent(tx, { ticketId: null, actor, type: "settings.updated", data: { group, keys: Object.keys(patch) } });
    return { values, secretsSet: await secretFlags(group, tx) };
  });
}
