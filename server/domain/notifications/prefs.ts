// A staff member's notification preferences (issue 16 point 3), stored in users.notify_prefs:
// for each event, by mail and/or in the app. Older rows hold `{ "newTicket": false }` (the
// switch of the first wave meant "no mail"): read as mail off, the in-app default kept.
import { z } from "zod";

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

const channels = z.object({ mail: z.boolean(), app: z.boolean() }).strict();
/** What the preferences page sends: every event, both channels. */
export const notifyPrefsInput = z.object(Object.fromEntries(NOTIFY_EVENTS.map((k) => [k, channels])) as Record<NotifyEventKey, typeof channels>).strict();

/** Reads whatever the column holds; unknown keys and bad values fall back to the defaults. */
export function readPrefs(stored: unknown): NotifyPrefs {
  const src = stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const out = {} as NotifyPrefs;
  for (const k of NOTIFY_EVENTS) {
    const v = src[k];
    const d = DEFAULT_PREFS[k];
    if (typeof v === "boolean") out[k] = { mail: v, app: d.app };
    else {
      const p = channels.partial().safeParse(v);
      out[k] = p.success ? { mail: p.data.mail ?? d.mail, app: p.data.app ?? d.app } : { ...d };
    }
  }
  return out;
}
