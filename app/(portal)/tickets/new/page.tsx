import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { caller } from "@/app/_trpc/server";
import { getActor } from "@/app/_lib/actor";
import { NewTicketForm } from "./new-ticket-form";

export default async function NewTicketPage() {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/sign-in?next=/tickets/new");
  const t = await getTranslations("portal.new");
  const categories = await (await caller()).meta.categories();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <NewTicketForm categories={categories} />
    </div>
  );
}
