// «Настройки почты / Mail settings» (admin): the inbound mailbox, how mail becomes tickets, the
// connection test, and the two cron commands with the token, ready to paste.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { loadSettings, secretFlags } from "@/server/services/settings/settings-store";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { secrets } from "@/server/secrets";
import { MailForm } from "./mail-form";

export default async function MailSettingsPage() {
  await requireAdmin("/staff/settings/mail");
  const t = await getTranslations("mail.settings");
  // secrets stay on the server: loadSettings without withSecrets blanks the password
  const mail = await loadSettings("mail");
  const secretsSet = await secretFlags("mail");
  const categories = await db().category.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, nameRu: true, nameEn: true } });
  const statuses = await db().status.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, nameRu: true, nameEn: true } });
  const priorities = await db().priority.findMany({ orderBy: [{ sortOrder: "desc" }, { id: "asc" }], select: { id: true, nameRu: true, nameEn: true } });
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
      <MailForm initial={mail} secretsSet={secretsSet} categories={categories} statuses={statuses} priorities={priorities} />
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
