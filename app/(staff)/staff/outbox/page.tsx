// «Исходящие / Outbox»: every notification with its delivery state, the last error, a rendered
// preview (sandboxed iframe) and "send again". Admin only (the outbox holds password links).
// A mail over the per-address limit shows "deferred until HH:MM": it waits, it is not dropped.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Mail } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Badge, type BadgeVariant } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { caller } from "@/app/_trpc/server";
import { requireAdmin } from "@/app/_lib/require";
import { isTemplateKey } from "@/server/domain/mail/template-keys";
import { DeliverNowButton, OutboxRowActions } from "./outbox-actions";

const STATUSES = ["PENDING", "SENT", "FAILED"] as const;
type Status = "PENDING" | "SENDING" | "SENT" | "FAILED";
const variant: Record<Status | "KEPT", BadgeVariant> = { PENDING: "info", SENDING: "info", SENT: "success", FAILED: "danger", KEPT: "neutral" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  await requireAdmin("/staff/outbox");
  const sp = await searchParams;
  const status = (STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as Status) : undefined;
  const cursor = sp.cursor && /^\d+$/.test(sp.cursor) ? Number(sp.cursor) : undefined;
  const [t, tk, format] = [await getTranslations("outbound.outbox"), await getTranslations("outbound.templates.keys"), await getFormatter()];
  const page = await (await caller()).outbox.list({ status, cursor, limit: 50 });
  const href = (s?: string) => (s ? `/staff/outbox?status=${s}` : "/staff/outbox");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={<DeliverNowButton />} />
      <nav className="flex flex-wrap gap-2" aria-label={t("columns.status")}>
        {[undefined, ...STATUSES].map((s) => (
          <Button key={s ?? "all"} asChild size="sm" variant={s === status ? "primary" : "outline"}>
            <Link href={href(s)} aria-current={s === status ? "page" : undefined}>
              {s ? t(`status.${s}`) : t("all")}
              {s && page.counts[s] ? ` (${page.counts[s]})` : ""}
            </Link>
          </Button>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState bordered icon={<Mail />} title={t("empty")} />
      ) : (
        <Table data-testid="outbox" label={t("title")}>
          <THead>
            <TR>
              <TH className="w-16">{t("columns.id")}</TH>
              <TH>{t("columns.created")}</TH>
              <TH>{t("columns.to")}</TH>
              <TH>{t("columns.subject")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH className="text-right"><span className="sr-only">{t("view")}</span></TH>
            </TR>
          </THead>
          <TBody>
            {page.items.map((m) => {
              const kept = m.status === "SENT" && m.transport === "outbox";
              const label = kept ? "KEPT" : m.status;
              return (
                <TR key={m.id} data-testid="outbox-row">
                  <TD className="font-mono text-ink-subtle">{m.id}</TD>
                  <TD className="whitespace-nowrap text-ink-muted">{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</TD>
                  <TD className="max-w-48 truncate">{m.toEmail}</TD>
                  <TD className="max-w-md">
                    <div className="truncate font-medium">{m.subject}</div>
                    <div className="truncate text-xs text-ink-muted">
                      {isTemplateKey(m.template) ? tk(m.template.replace(".", "_") as never) : m.template} · {m.locale.toUpperCase()}
                      {m.ticketId ? <> · <Link className="hover:underline" href={`/staff/tickets/${m.ticketId}`}>#{m.ticketId}</Link></> : null}
                    </div>
                    {m.lastError && <div className="truncate text-xs text-danger-700" title={m.lastError}>{m.lastError}</div>}
                  </TD>
                  <TD>
                    <Badge variant={variant[label]} title={kept ? t("keptHint") : undefined}>{t(`status.${label}`)}</Badge>
                    <div className="mt-1 text-xs text-ink-muted">
                      {t("attempts", { count: m.attempts })}
                      {m.status === "PENDING" && m.attempts > 0 ? ` · ${t("nextAttempt", { time: format.relativeTime(m.nextAttemptAt) })}` : ""}
                    </div>
                    {/* over the per-address limit: kept and sent later, never dropped */}
                    {m.status === "PENDING" && m.deferredUntil && m.attempts === 0 && (
                      <div className="mt-1 text-xs text-warning-800" data-testid="outbox-deferred" title={t("deferredHint")}>
                        {t("deferredUntil", { time: format.dateTime(m.deferredUntil, { timeStyle: "short" }) })}
                      </div>
                    )}
                  </TD>
                  <TD className="text-right"><OutboxRowActions id={m.id} canResend={m.status !== "SENDING"} /></TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      {page.nextCursor && (
        <div className="flex justify-center">
          <Button asChild variant="outline"><Link href={`/staff/outbox?${status ? `status=${status}&` : ""}cursor=${page.nextCursor}`}>{t("more")}</Link></Button>
        </div>
      )}
    </div>
  );
}
