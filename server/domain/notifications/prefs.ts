// A staff member's notification preferences (issue 16 point 3), stored in users.notify_prefs:
// for each event, by mail and/or in the app. Older rows hold `{ "newTicket": false }` (the
// switch of the first wave meant "no mail"): read as mail off, the in-app default kept.
// No zod here: the preferences form (a client component) imports this file, and zod probes
// `new Function` when a schema is built — a CSP violation in the browser. The input schema is
// in prefs-input.ts.

export const NOTIFY_EVENTS = ["newTicket", "assigned", "customerReply", "anyReply", "mention"] as const;
export type NotifyEventKey = (typeof NOTIFY_EVENTS)[number];
export type Channels = { mail: boolean; app: boolean };
export type NotifyPrefs = Record<NotifyEventKey, Channels>;

/**
 * Defaults: everything that concerns "me" by mail and in the app; "any reply in my categories"
 * is noisy on a busy desk, so it is in the app only.
 */
export const DEFAULT_PREFS: NotifyPrefs = {
  newTicket: { mail: true, app: true },
  assigned: { mail: true, app: true },
  customerReply: { mail: true, app: true },
  anyReply: { mail: false, app: true },
  mention: { mail: true, app: true },
};

/** Reads whatever the column holds; unknown keys and bad values fall back to the defaults. */
export function readPrefs(stored: unknown): NotifyPrefs {
  const src = stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const out = {} as NotifyPrefs;
  for (const k of NOTIFY_EVENTS) {
    const v = src[k];
    const d = DEFAULT_PREFS[k];
    if (typeof v === "boolean") out[k] = { mail: v, app: d.app };
    else {
      const c = readChannels(v);
      out[k] = c ? { mail: c.mail ?? d.mail, app: c.app ?? d.app } : { ...d };
    }
  }
  return out;
}

/** `{ mail?, app? }` with booleans and no other key, the missing ones from the defaults; else null. */
function readChannels(v: unknown): { mail?: boolean; app?: boolean } | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (Object.keys(o).some((k) => k !== "mail" && k !== "app")) return null;
  if ((o.mail !== undefined && typeof o.mail !== "boolean") || (o.app !== undefined && typeof o.app !== "boolean")) return null;
  return { mail: o.mail as boolean | undefined, app: o.app as boolean | undefined };
}
