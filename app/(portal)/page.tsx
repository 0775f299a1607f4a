import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LifeBuoy } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { getActor } from "@/app/_lib/actor";
import { caller } from "@/app/_trpc/server";

export default async function HomePage() {
  const t = await getTranslations("portal.home");
  const actor = await getActor();
  const portal = await (await caller()).meta.portal();
  const canCreate = portal.canCreateTicket.ok;
  return (
    <section className="mx-auto flex max-w-2xl flex-col items-center gap-5 py-12 text-center sm:py-20">
      <span className="inline-flex size-12 items-center justify-center rounded-xl bg-primary-50 text-primary-700"><LifeBuoy className="size-6" aria-hidden /></span>
      <h1 className="text-3xl font-semibold tracking-tight text-ink sm:text-4xl">{t("title")}</h1>
      <p className="max-w-lg text-base text-ink-muted">{t("description")}</p>
      <div className="flex flex-wrap justify-center gap-3">
        {canCreate ? (
          <Button asChild size="lg"><Link href="/tickets/new">{t("newTicket")}</Link></Button>
        ) : (
          <Button asChild size="lg"><Link href="/sign-in?next=/tickets/new">{t("signInFirst")}</Link></Button>
        )}
        {actor.kind === "user" && <Button asChild size="lg" variant="outline"><Link href="/tickets">{t("myTickets")}</Link></Button>}
      </div>
      {canCreate && actor.kind === "anonymous" && <p className="text-sm text-ink-subtle">{t("guestHint")}</p>}
    </section>
  );
}
