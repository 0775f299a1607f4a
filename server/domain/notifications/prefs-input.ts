// What the notification preferences page sends (issue 16 point 3): every event, both channels.
// Kept apart from prefs.ts so that the form's client bundle carries no zod.
import { z } from "zod";
import { NOTIFY_EVENTS, type NotifyEventKey } from "./prefs";

const channels = z.object({ mail: z.boolean(), app: z.boolean() }).strict();
export const notifyPrefsInput = z.object(Object.fromEntries(NOTIFY_EVENTS.map((k) => [k, channels])) as Record<NotifyEventKey, typeof channels>).strict();
