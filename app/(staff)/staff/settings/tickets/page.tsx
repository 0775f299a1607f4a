import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { TicketSettingsForm } from "./ticket-settings-form";
import type { TicketSettings } from "@/server/domain/settings/schema";

export default async function TicketSettingsPage() {
  await requireAdmin("/staff/settings/tickets");
  const api = await caller();
  const [t, ti, locale] = [await getTranslations("settings-tickets"), await getTranslations("settings-tickets.index"), await getLocale()];
  const [settings, statuses] = [await api.settings.get({ group: "tickets" }), await api.meta.statuses()];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/staff/settings" className="inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink"><ChevronLeft className="size-4" aria-hidden />{ti("title")}</Link>
      <PageHeader title={t("title")} description={t("description")} />
      <TicketSettingsForm
        initial={settings.values as TicketSettings}
        statuses={statuses.map((s) => ({ id: s.id, name: locale === "en" ? s.name.en : s.name.ru, isClosed: s.isClosed }))}
      />
    </div>
  );
}
