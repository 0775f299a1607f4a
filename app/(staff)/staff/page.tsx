import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Inbox } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Button } from "@/app/_components/ui/button";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { StatusBadge } from "@/app/_components/status-badge";
import { caller } from "@/app/_trpc/server";
import { requireStaff } from "@/app/_lib/require";

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireStaff("/staff");
  const { cursor } = await searchParams;
  const [t, locale, format] = [await getTranslations("staff.queue"), await getLocale(), await getFormatter()];
  const page = await (await caller()).ticket.list({ limit: 50, cursor });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {page.items.length === 0 ? (
        <EmptyState bordered icon={<Inbox />} title={t("empty")} />
      ) : (
        <Table data-testid="queue" label={t("title")}>
          <THead>
            <TR>
              <TH className="w-20">{t("number")}</TH>
              <TH>{t("subject")}</TH>
              <TH>{t("requester")}</TH>
              <TH>{t("status")}</TH>
              <TH>{t("assignee")}</TH>
              <TH className="text-right">{t("updated")}</TH>
            </TR>
          </THead>
          <TBody>
            {page.items.map((tk) => (
              <TR key={tk.id} interactive data-testid="queue-row">
                <TD className="font-mono text-ink-subtle">#{tk.number}</TD>
                <TD className="max-w-md truncate font-medium"><Link href={`/staff/tickets/${tk.id}`} className="hover:underline">{tk.title}</Link></TD>
                <TD className="text-ink-muted">{tk.requester.name}</TD>
                <TD><StatusBadge status={tk.status} locale={locale} /></TD>
                <TD className="text-ink-muted">{tk.assignee?.name ?? t("unassigned")}</TD>
                <TD className="text-right text-ink-muted">{format.relativeTime(tk.lastActivityAt)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {page.nextCursor && (
        <div className="flex justify-center"><Button asChild variant="outline"><Link href={`/staff?cursor=${page.nextCursor}`}>{t("more")}</Link></Button></div>
      )}
    </div>
  );
}
