// /rate?token=… — the rating link in the closing mail. No sign-in: the signed token names the
// ticket and its requester (server/services/tickets/rate-by-link.ts). An invalid or expired
// link, or a ticket that cannot be rated, gets a translated explanation instead of the form.
// With "require login" on, the requester signs in first — with their password or a one-time
// link mailed to them — and comes back here to rate.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Alert } from "@/app/_components/ui/alert";
import { BrandHeader } from "@/app/_components/brand-header";
import { caller } from "@/app/_trpc/server";
import { RateForm } from "./rate-form";
import { MagicLinkOffer } from "@/app/(auth)/magic-link-offer";
import { buttonClass } from "@/app/_components/ui/button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rate");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function RatePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [t, locale] = [await getTranslations("rate"), await getLocale()];
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const view = await (await caller()).rateLink.view({ token: token.slice(0, 2000), locale: locale === "en" ? "en" : "ru" });
  const back = `/rate?token=${encodeURIComponent(token)}`;
  const ticket = view.ticket;
  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <BrandHeader />
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-6 sm:pt-16">
        <Card className="w-full max-w-md" data-testid="rate-page">
          <CardHeader>
            <CardTitle as="h1">{t("title")}</CardTitle>
            {ticket && (
              <CardDescription data-testid="rate-ticket">
                <span className="font-medium text-ink">{t("ticket", { number: ticket.id })}</span> · {ticket.title}
              </CardDescription>
            )}
          </CardHeader>
          <CardContent>
            {view.ok ? (
              <RateForm token={token} rating={view.ticket.rating} comment={view.ticket.ratingComment} />
            ) : (
              <div className="space-y-4">
                <Alert variant={view.reason === "INVALID_LINK" ? "danger" : "warning"} data-testid="rate-error">
                  {t(`errors.${view.reason}`)}
                </Alert>
                {view.reason === "LOGIN_REQUIRED" && (
                  <>
                    <a className={buttonClass("primary", "md", "w-full")} href={`/sign-in?next=${encodeURIComponent(back)}`} data-testid="rate-sign-in">{t("signIn")}</a>
                    <MagicLinkOffer link={token} next={back} />
                  </>
                )}
              </div>
            )}
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
