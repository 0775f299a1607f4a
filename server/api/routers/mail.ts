// mail.*: the inbound mailbox settings page. `testConnection` logs in with the form's values
// (an empty password means the stored one) and reports the result in plain words.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { mailSettingsSchema } from "@/server/domain/settings/schema";
import { loadSettings } from "@/server/services/settings/settings-store";
import { secretReentryNeeded } from "@/server/domain/settings/secret-guard";
import { badRequest } from "@/server/domain/errors";
import { testConnection } from "@/server/mail/ingest/mailbox-source";
import { mailboxConfig } from "@/server/mail/ingest/run-ingest";

// The form's unsaved values; absent keys fall back to the stored settings (no schema defaults here).
const s = mailSettingsSchema.shape;
const connectionInput = z.object({
  protocol: s.protocol.unwrap().optional(),
  host: s.host.unwrap().optional(),
  port: s.port.unwrap().optional(),
  secure: s.secure.unwrap().optional(),
  allowInvalidCertificate: s.allowInvalidCertificate.unwrap().optional(),
  caPem: s.caPem.unwrap().optional(),
  username: s.username.unwrap().optional(),
  password: s.password.unwrap().optional(),
  folder: s.folder.unwrap().optional(),
});

export const mailRouter = createTRPCRouter({
  testConnection: adminProcedure.input(connectionInput.default({})).mutation(async ({ input }) => {
    const stored = await loadSettings("mail", { withSecrets: true });
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    // the stored password is only ever sent to the stored server
    if (secretReentryNeeded("mail", stored, given)) throw badRequest("PASSWORD_REQUIRED", { fields: { password: "PASSWORD_REQUIRED" } });
    const merged = { ...stored, ...given, password: input.password ? input.password : stored.password };
    const cfg = mailboxConfig(merged);
    if (!cfg) return { ok: false as const, code: "NOT_CONFIGURED" as const, message: "host and username are required" };
    const r = await testConnection({ ...cfg, connectTimeoutMs: 10_000 });
    return r.ok ? { ok: true as const, folder: r.folder, messages: r.messages } : { ok: false as const, code: r.code, message: r.message };
  }),
});
