// Account mails (set-password, reset, invite, sign-up confirmation, "you already have an
// account", magic sign-in link) into the outbox, in the caller's transaction, rendered from the
// editable ru/en templates (server/mail/outbound/templates).
import type { Tx, Db } from "@/server/db/client";
import { env } from "@/server/env";
import { enqueueMail } from "./enqueue";

type TokenMail = {
  kind: "password.reset" | "account.set-password" | "agent.invite" | "account.verify-email" | "account.magic-link";
  token: string;
  /** account.magic-link: the same-origin path to return to after signing in */
  next?: string | null;
};
export type AccountMail = (TokenMail | { kind: "account.exists" }) & {
  to: string;
  name: string;
  locale: string;
  /** agent.invite: who invited (optional) */
  invitedBy?: string;
};

const url = (path: string) => new URL(path, env().APP_URL).toString();

export function setPasswordUrl(token: string) {
  return url(`/set-password?token=${encodeURIComponent(token)}`);
}

function linkOf(m: AccountMail): string {
  if (m.kind === "account.exists") return url("/forgot-password");
  if (m.kind === "account.verify-email") return url(`/verify-email?token=${encodeURIComponent(m.token)}`);
  if (m.kind === "account.magic-link") return url(`/magic-link?token=${encodeURIComponent(m.token)}${m.next ? `&next=${encodeURIComponent(m.next)}` : ""}`);
  return setPasswordUrl(m.token);
}

export async function enqueueAccountMail(tx: Tx | Db, m: AccountMail): Promise<void> {
  await enqueueMail(tx, {
    template: m.kind,
    locale: m.locale,
    to: m.to,
    audience: "account",
    vars: { "user.name": m.name, "user.email": m.to, link: linkOf(m), ...(m.kind === "agent.invite" ? { "agent.name": m.invitedBy ?? "" } : {}) },
  });
}
