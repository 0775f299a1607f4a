// «Настройки почты / Mail settings» (admin): the inbound mailbox, how mail becomes tickets, the
// connection test, and the two cron commands with the token, ready to paste.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import type { MailSettings } from "@/server/domain/settings/schema";
import { env } from "@/server/env";
import { secrets } from "@/server/secrets";
import { MailForm } from "./mail-form";

export default async function MailSettingsPage() {
  await requireAdmin("/staff/settings/mail");
  const t = await getTranslations("mail.settings");
  const api = await caller();
  // secrets stay on the server: settings.get blanks them, secretsSet says which are set
  const [settings, categories, statuses, priorities] = await Promise.all([api.settings.get({ group: "mail" }), api.meta.categories(), api.meta.statuses(), api.meta.priorities()]);
  const mail = settings.values as MailSettings;
  const named = (rows: { id: number; name: { ru: string; en: string } }[]) => rows.map((r) => ({ id: r.id, nameRu: r.name.ru, nameEn: r.name.en }));
  const token = encodeURIComponent(secrets().CRON_SECRET);
  const cron = (job: string) => `wget -qO- "${new URL(`/cron/${job}`, env().APP_URL).toString()}?token=${token}"`;
  const mailbox = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(mail.username.trim()) ? mail.username.trim() : "";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<Link className="text-sm text-primary-700 hover:underline" href="/staff/quarantine">{t("quarantineLink")}</Link>}
      />
      <MailForm initial={mail} secretsSet={settings.secretsSet} categories={named(categories)} statuses={named(statuses)} priorities={named(priorities).reverse()} />
      <section className="space-y-2 rounded-xl border border-line bg-surface p-4 text-sm" data-testid="mail-cron">
        <h2 className="font-semibold text-ink">{t("cronTitle")}</h2>
        <p className="text-ink-muted">{t("cronText")}</p>
        <pre className="overflow-x-auto rounded-md bg-subtle p-3 text-xs">{`* * * * * ${cron("ticket_create")}\n* * * * * ${cron("ticket_replies")}`}</pre>
        <p className="text-ink-muted">{t("cronToken")}</p>
        <p className="text-ink-muted" data-testid="site-address">{mailbox ? t("siteAddress", { address: mailbox }) : t("siteAddressUnset")}</p>
      </section>
    </div>
  );
}
