// Account mails (set-password, reset, invite) into the outbox, in the caller's transaction.
// First version with plain bodies; the outbound-mail work moves them to editable templates.
import type { Tx, Db } from "@/server/db/client";
import { env } from "@/server/env";

export type AccountMail = { kind: "password.reset" | "account.set-password" | "agent.invite"; to: string; name: string; locale: string; token: string };

export function setPasswordUrl(token: string) {
  return new URL(`/set-password?token=${encodeURIComponent(token)}`, env().APP_URL).toString();
}

export async function enqueueAccountMail(tx: Tx | Db, m: AccountMail) {
  const ru = m.locale === "ru";
  const link = setPasswordUrl(m.token);
  const subject = {
    "password.reset": ru ? "Восстановление пароля" : "Reset your password",
    "account.set-password": ru ? "Задайте пароль для аккаунта" : "Set a password for your account",
    "agent.invite": ru ? "Приглашение в службу поддержки" : "You are invited to the helpdesk",
  }[m.kind];
  const text = ru
    ? `Здравствуйте, ${m.name}!\n\nЧтобы задать пароль, откройте ссылку (она одноразовая):\n${link}\n`
    : `Hello ${m.name},\n\nTo set your password, open this one-time link:\n${link}\n`;
  await tx.outboxMail.create({
    data: { template: m.kind, locale: m.locale, toEmail: m.to, subject, text, html: "", messageIdHeader: `<account.${crypto.randomUUID()}@helpdesk.local>` },
  });
}
