import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { localName } from "@/app/_components/status-badge";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { env } from "@/server/env";
import { AdminNav } from "../../_admin/admin-nav";
import { AutoCloseForm } from "./auto-close-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.autoClose"))("title") };
}

export default async function AutoClosePage() {
  await requireAdmin("/staff/settings/auto-close");
  const [t, locale, api] = [await getTranslations("admin.autoClose"), await getLocale(), await caller()];
  const [settings, statuses] = await Promise.all([api.settings.get({ group: "tickets" }), api.status.list()]);
  const s = settings.values as { autoCloseDays: number; autoCloseStatusId: number | "none"; autoCloseReminderDays: number };
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="autoClose" />
      <PageHeader title={t("title")} description={t("description")} />
      <AutoCloseForm
        days={s.autoCloseDays}
        reminderDays={s.autoCloseReminderDays}
        statusId={s.autoCloseStatusId}
        statuses={statuses.filter((x) => !x.isClosed).map((x) => ({ id: x.id, label: localName(x.name, locale), key: x.key }))}
        cronUrl={new URL("/cron/auto_close", env().APP_URL).toString()}
      />
    </div>
  );
}
