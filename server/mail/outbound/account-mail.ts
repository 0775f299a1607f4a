// Account mails (set-password, reset, invite) into the outbox, in the caller's transaction,
// rendered from the editable ru/en templates (server/mail/outbound/templates).
import type { Tx, Db } from "@/server/db/client";
import { env } from "@/server/env";
import { enqueueMail } from "./enqueue";

export type AccountMail = {
  kind: "password.reset" | "account.set-password" | "agent.invite";
  to: string;
  name: string;
  locale: string;
  token: string;
  /** agent.invite: who invited (optional) */
  invitedBy?: string;
};

export function setPasswordUrl(token: string) {
  return new URL(`/set-password?token=${encodeURIComponent(token)}`, env().APP_URL).toString();
}

export async function enqueueAccountMail(tx: Tx | Db, m: AccountMail): Promise<void> {
  await enqueueMail(tx, {
    template: m.kind,
    locale: m.locale,
    to: m.to,
    audience: "account",
    vars: { "user.name": m.name, "user.email": m.to, link: setPasswordUrl(m.token), ...(m.kind === "agent.invite" ? { "agent.name": m.invitedBy ?? "" } : {}) },
  });
}
