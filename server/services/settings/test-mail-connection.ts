// "Test connection" on the mail settings page: log in with the form's unsaved values (an empty
// password means the stored one, and only for the stored server) and answer a code only — the
// server's own words (its banner, its error text) are logged, never echoed, and internal
// addresses are refused unless MAIL_TEST_ALLOW_HOSTS names them (ASVS 5.0 V1.3.6, V13.2.4).
import type { MailSettings } from "@/server/domain/settings/schema";
import { secretReentryNeeded } from "@/server/domain/settings/secret-guard";
import { badRequest } from "@/server/domain/errors";
import { testConnection } from "@/server/mail/ingest/mailbox-source";
import { mailboxConfig } from "@/server/mail/ingest/run-ingest";
import { logger } from "@/server/logger";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { connectionTargetAllowed } from "./connection-target";

export async function testMailConnection(input: Partial<MailSettings>, requestId: string) {
  const stored = await loadSettings("mail", { withSecrets: true });
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  // the stored password is only ever sent to the stored server
  if (secretReentryNeeded("mail", stored, given)) throw badRequest("PASSWORD_REQUIRED", { fields: { password: "PASSWORD_REQUIRED" } });
  const merged = { ...stored, ...given, password: input.password ? input.password : stored.password };
  const cfg = mailboxConfig(merged);
  // `message` stays empty: the page shows the translated code, nothing the server said
  if (!cfg) return { ok: false as const, code: "NOT_CONFIGURED" as const, message: "" };
  if (!(await connectionTargetAllowed(cfg.host))) return { ok: false as const, code: "ADDRESS_NOT_ALLOWED" as const, message: "" };
  const r = await testConnection({ ...cfg, connectTimeoutMs: 10_000 });
  if (r.ok) return { ok: true as const, folder: r.folder, messages: r.messages };
  logger.warn("mail test connection failed", { requestId, code: r.code, error: r.message });
  return { ok: false as const, code: r.code, message: "" };
}
