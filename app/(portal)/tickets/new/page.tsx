import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LogIn } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { caller } from "@/app/_trpc/server";
import { getActor } from "@/app/_lib/actor";
import { NewTicketForm } from "./new-ticket-form";

export default async function NewTicketPage() {
  const actor = await getActor();
  const api = await caller();
  const [t, portal] = [await getTranslations("portal.new"), await api.meta.portal()];
  // the same policy ticket.create enforces decides what this page offers
  if (!portal.canCreateTicket.ok) {
    if (actor.kind === "anonymous" && portal.canCreateTicket.reason === "LOGIN_REQUIRED") redirect("/sign-in?next=/tickets/new");
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <PageHeader title={t("title")} />
        <EmptyState
          bordered
          icon={<LogIn />}
          title={t(portal.canCreateTicket.reason === "GUESTS_DISABLED" ? "guestsDisabled" : "loginRequired")}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Button asChild><Link href="/sign-in?next=/tickets/new">{t("signIn")}</Link></Button>
              <Button asChild variant="outline"><Link href="/sign-up">{t("createAccount")}</Link></Button>
            </div>
          }
        />
      </div>
    );
  }
  const [categories, priorities, fields] = await Promise.all([api.meta.categories(), api.meta.priorities(), api.meta.customFields()]);
  const isGuest = actor.kind !== "user";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <NewTicketForm categories={categories} priorities={portal.canSetPriority ? [...priorities].reverse() : null} fields={fields} guest={isGuest} uploadsLater={isGuest && portal.allowUploads} uploads={portal.canUpload ? { maxMb: portal.maxUploadMb, allowedFileTypes: portal.allowedFileTypes } : null} />
    </div>
  );
}
