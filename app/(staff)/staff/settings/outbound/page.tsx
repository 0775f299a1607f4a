import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { caller } from "@/app/_trpc/server";
import type { MailSettings, OutboundSettings } from "@/server/domain/settings/schema";
import { requireAdmin } from "@/app/_lib/require";
import { env } from "@/server/env";
import { OutboundForm } from "./outbound-form";

export default async function OutboundSettingsPage() {
  await requireAdmin("/staff/settings/outbound");
  const t = await getTranslations("outbound.settings");
  const api = await caller();
  // secrets stay on the server: settings.get blanks them, secretsSet says which are set
  const [outbound, mailSettings] = await Promise.all([api.settings.get({ group: "outbound" }), api.settings.get({ group: "mail" })]);
  const mail = mailSettings.values as MailSettings;
  const mailbox = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(mail.username.trim()) ? mail.username.trim() : "";
  const cronUrl = new URL("/cron/deliver_mail", env().APP_URL).toString();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex gap-3 text-sm">
            <Link className="text-primary-700 hover:underline" href="/staff/settings/outbound/templates">{t("templatesLink")}</Link>
            <Link className="text-primary-700 hover:underline" href="/staff/outbox">{t("outboxLink")}</Link>
          </div>
        }
      />
      <OutboundForm initial={outbound.values as OutboundSettings} secretsSet={outbound.secretsSet} mailbox={mailbox} />
      <p className="text-sm text-ink-muted">{t("cron", { url: cronUrl })}</p>
    </div>
  );
}
