"use server";
// The /rate form's server action: the token from the closing mail is the credential (with
// "require login" on, together with the requester's own session).
import { getLocale } from "next-intl/server";
import { caller } from "@/app/_trpc/server";

type RateLinkReason = Extract<Awaited<ReturnType<Awaited<ReturnType<typeof caller>>["rateLink"]["rate"]>>, { ok: false }>["reason"];
export type RateFormState = { ok?: boolean; rating?: number; reason?: RateLinkReason } | undefined;

export async function rateAction(_: RateFormState, form: FormData): Promise<RateFormState> {
  const comment = form.get("comment");
  const locale = (await getLocale()) === "en" ? "en" : "ru";
  const rating = form.get("rating");
  const r = await (await caller()).rateLink.rate({
    token: String(form.get("token") ?? "").slice(0, 2000),
    rating: typeof rating === "string" ? rating.slice(0, 20) : "",
    comment: typeof comment === "string" ? comment.slice(0, 10_000) : null,
    locale,
  });
  return r.ok ? { ok: true, rating: r.rating } : { reason: r.reason };
}
