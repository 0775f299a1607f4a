// What a signed-in user changes on their own account: the password (browser sessions only —
// an API token is no proof of knowing it) and the interface language.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { DomainError } from "@/server/domain/errors";
import { isLocale } from "@/server/i18n/locale";
import { changeOwnPassword, type ChangePasswordResult } from "@/server/security/change-password";

export async function changePassword(actor: Actor, input: { current: string; password: string }): Promise<ChangePasswordResult> {
  if (actor.kind !== "user" || actor.via !== "session") throw new DomainError("FORBIDDEN", "SESSION_ONLY");
  return changeOwnPassword(db(), actor.userId, input.current, input.password);
}

/** The language switcher: a signed-in user keeps the choice on the account; others only in the cookie. */
export async function setOwnLocale(actor: Actor, locale: string): Promise<{ saved: boolean }> {
  if (actor.kind !== "user" || !isLocale(locale)) return { saved: false };
  await db().user.update({ where: { id: actor.userId }, data: { locale } });
  return { saved: true };
}
