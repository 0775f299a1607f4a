// /t/<signed token> — the ticket link from a guest's mail. Opening it only shows what it is for;
// the button posts to a Server Action that sets the hd_guest cookie and opens the ticket
// (actions.ts). A bad or expired link sends the visitor to sign in. The cookie is verified again
// on every request (server/auth/actor.ts).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Ticket } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { verifyLink } from "@/server/auth/signed-links";
import { signInFirst } from "@/server/auth/sign-in-first";
import { openGuestTicket } from "./actions";

export const dynamic = "force-dynamic";

export default async function GuestLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = verifyLink("ticket", token);
  if (!link) redirect("/sign-in?reason=link");
  // require login on: the link only names the account to sign in as (issue 12.4)
  const gate = await signInFirst(link, token);
  if (gate) redirect(gate);
  const t = await getTranslations("portal.guestLink");
  return (
    <div className="mx-auto max-w-md">
      <Card data-testid="guest-link-confirm">
        <CardContent className="flex flex-col items-center gap-4 py-10 text-center">
          <span className="inline-flex size-12 items-center justify-center rounded-full bg-primary-50 text-primary-700"><Ticket className="size-6" aria-hidden /></span>
          <h1 className="text-xl font-semibold text-ink">{t("title", { number: link.ticketId })}</h1>
          <p className="text-sm text-ink-muted">{t("body", { number: link.ticketId })}</p>
          <form action={openGuestTicket.bind(null, token)}>
            <Button type="submit" size="lg" data-testid="guest-link-open">{t("open")}</Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
