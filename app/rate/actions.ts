"use server";
// The /rate form's server action: the token from the closing mail is the credential (with
// "require login" on, together with the requester's own session).
import { getLocale } from "next-intl/server";
import { rateByLink, type RateLinkReason } from "@/server/services/tickets/rate-by-link";
import { getActor } from "@/app/_lib/actor";

export type RateFormState = { ok?: boolean; rating?: number; reason?: RateLinkReason } | undefined;

export async function rateAction(_: RateFormState, form: FormData): Promise<RateFormState> {
  const comment = form.get("comment");
  const r = await rateByLink(
    { token: String(form.get("token") ?? ""), rating: form.get("rating") ?? "", comment: typeof comment === "string" ? comment : null },
    await getLocale(),
    await getActor(),
  );
  return r.ok ? { ok: true, rating: r.rating } : { reason: r.reason };
}
