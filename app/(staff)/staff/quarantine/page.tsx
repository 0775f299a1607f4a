// «Карантин / Quarantine» (staff): mails ingest did not add to a ticket on its own, with the
// reason; retry, open a ticket, discard — and inspect an uploaded .eml without saving anything.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { requireStaff } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { QuarantineRowActions } from "./quarantine-actions";
import { InspectUpload } from "./inspect-upload";

export default async function QuarantinePage({ searchParams }: { searchParams: Promise<{ view?: string; cursor?: string }> }) {
  await requireStaff("/staff/quarantine");
  const sp = await searchParams;
  const resolved = sp.view === "resolved";
  const t = await getTranslations("mail.quarantine");
  const f = await getFormatter();
  const cursor = Number(sp.cursor) > 0 ? Number(sp.cursor) : null;
  const { items, nextCursor } = await (await caller()).quarantine.list({ resolved, cursor });
  const tab = (on: boolean) => (on ? "border-primary-600 text-ink" : "border-transparent text-ink-muted hover:text-ink");
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <nav className="flex gap-4 border-b border-line text-sm">
        <Link href="/staff/quarantine" className={`border-b-2 px-1 pb-2 ${tab(!resolved)}`}>{t("open")}</Link>
        <Link href="/staff/quarantine?view=resolved" className={`border-b-2 px-1 pb-2 ${tab(resolved)}`}>{t("resolved")}</Link>
      </nav>
      {items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("title")} data-testid="quarantine-table">
          <THead>
            <TR>
              <TH>{t("received")}</TH>
              <TH>{t("from")}</TH>
              <TH>{t("subject")}</TH>
              <TH>{resolved ? t("resolution") : t("reason")}</TH>
              <TH><span className="sr-only">{t("view")}</span></TH>
            </TR>
          </THead>
          <TBody>
            {items.map((e) => (
              <TR key={e.id} data-testid="quarantine-row">
                <TD className="whitespace-nowrap text-ink-muted">{f.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "short" })}</TD>
                <TD className="max-w-48 truncate">{e.inboundMail.fromEmail ?? "—"}</TD>
                <TD className="max-w-72 truncate">{e.inboundMail.subject || t("noSubject")}</TD>
                <TD>{resolved ? e.resolution : t.has(`reasons.${e.reason}` as never) ? t(`reasons.${e.reason}` as never) : e.reason}</TD>
                <TD><QuarantineRowActions id={e.id} open={!resolved} /></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {nextCursor && (
        <Link className="text-sm text-primary-700 hover:underline" href={`/staff/quarantine?${resolved ? "view=resolved&" : ""}cursor=${nextCursor}`}>{t("more")}</Link>
      )}
      <InspectUpload />
    </div>
  );
}
