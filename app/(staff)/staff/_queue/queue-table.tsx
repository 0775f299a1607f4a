"use client";
// The queue table: checkboxes with a bulk-action bar (assign, status, category), and keyboard
// navigation (j/k move, x select, Enter open).
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations, useLocale } from "next-intl";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { Select } from "@/app/_components/ui/select";
import { CategorySelect, type PickerCategory } from "@/app/_components/category-select";
import { Button } from "@/app/_components/ui/button";
import { Avatar } from "@/app/_components/ui/avatar";
import { useToast } from "@/app/_components/ui/toast";
import { StatusBadge, localName } from "@/app/_components/status-badge";
import { useTRPC } from "@/app/_trpc/client";
import { useErrorText } from "../_lib/use-error-text";
import type { TicketSummary } from "@/app/_trpc/types";
import { formatFieldValue } from "@/server/domain/tickets/custom-fields";
import { PriorityBadge } from "@/app/_components/priority-badge";
import type { FieldOpt } from "./ticket-field-filters";

type Opt = { id: number; label: string };

/** `times`: "5 minutes ago" and the full date per ticket id, formatted on the server (time zone). */
/** `column`: a custom field shown as an extra column (issue 15.3). */
export function QueueTable({ items, times, statuses, categories, agents, column }: { items: TicketSummary[]; times: Record<number, { relative: string; full: string }>; statuses: Opt[]; categories: PickerCategory[]; agents: Opt[]; column?: FieldOpt }) {
  const t = useTranslations("staff.queue");
  const tf = useTranslations("fields.queue");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const { toast } = useToast();
  const errorText = useErrorText();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [focus, setFocus] = useState(-1);
  const [bulk, setBulk] = useState({ assignee: "", status: "", category: "" });
  const body = useRef<HTMLTableSectionElement>(null);

  // a new page of results: forget the selection of the old one
  const ids = items.map((i) => i.id).join(",");
  useEffect(() => setSelected(new Set()), [ids]);

  const toggle = (id: number) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (e.metaKey || e.ctrlKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable) return;
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        const next = Math.max(0, Math.min(items.length - 1, focus + (e.key === "j" ? 1 : -1)));
        setFocus(next);
        body.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]")[next]?.focus();
      } else if (e.key === "x" && focus >= 0 && items[focus]) {
        e.preventDefault();
        toggle(items[focus]!.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [focus, items]);

  const update = useMutation(
    trpc.ticket.bulkUpdate.mutationOptions({
      onSuccess: (r) => {
        toast({ title: t("bulkDone", { count: r.updated }), variant: "success" });
        setSelected(new Set());
        setBulk({ assignee: "", status: "", category: "" });
        router.refresh();
      },
      onError: (e) => toast({ title: errorText(e), variant: "danger" }),
    }),
  );
  const allChecked = items.length > 0 && selected.size === items.length;
  const anyBulk = bulk.assignee || bulk.status || bulk.category;

  return (
    <div className="space-y-3">
      {selected.size > 0 && (
        <div role="region" aria-label={t("selected", { count: selected.size })} data-testid="bulk-bar" className="sticky top-2 z-10 flex flex-wrap items-center gap-2 rounded-xl border border-primary-200 bg-primary-50 p-2 shadow-sm">
          <span className="px-2 text-sm font-medium text-primary-800" aria-live="polite">{t("selected", { count: selected.size })}</span>
          <Select aria-label={t("bulkAssign")} containerClassName="w-auto" value={bulk.assignee} onChange={(e) => setBulk({ ...bulk, assignee: e.target.value })} data-testid="bulk-assignee">
            <option value="">{t("bulkAssign")}</option>
            <option value="none">{t("nobody")}</option>
            {agents.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
          </Select>
          <Select aria-label={t("bulkStatus")} containerClassName="w-auto" value={bulk.status} onChange={(e) => setBulk({ ...bulk, status: e.target.value })} data-testid="bulk-status">
            <option value="">{t("bulkStatus")}</option>
            {statuses.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </Select>
          <CategorySelect aria-label={t("bulkCategory")} containerClassName="w-auto" categories={categories} value={Number(bulk.category) || 0} placeholder={t("bulkCategory")} onChange={(id) => setBulk({ ...bulk, category: id ? String(id) : "" })} data-testid="bulk-category" />
          <Button
            size="sm"
            disabled={!anyBulk}
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                ticketIds: [...selected],
                // the versions this page shows: a ticket someone changed since answers STALE_UPDATE, nothing is applied
                versions: [...selected].map((id) => items.find((i) => i.id === id)?.version ?? 0),
                ...(bulk.assignee ? { assigneeId: bulk.assignee === "none" ? null : Number(bulk.assignee) } : {}),
                ...(bulk.status ? { statusId: Number(bulk.status) } : {}),
                ...(bulk.category ? { categoryId: Number(bulk.category) } : {}),
              })
            }
          >
            {t("bulkApply")}
          </Button>
          <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setSelected(new Set())}>{t("bulkClear")}</Button>
        </div>
      )}
      <Table data-testid="queue" label={t("title")}>
        <THead>
          <TR>
            <TH className="w-10">
              <input type="checkbox" aria-label={t("selectAll")} checked={allChecked} onChange={() => setSelected(allChecked ? new Set() : new Set(items.map((i) => i.id)))} className="size-4 cursor-pointer accent-primary-600" />
            </TH>
            <TH className="hidden w-20 sm:table-cell">{t("number")}</TH>
            <TH>{t("subject")}</TH>
            <TH className="hidden md:table-cell">{t("requester")}</TH>
            <TH className="hidden sm:table-cell">{tf("priority")}</TH>
            {column && <TH className="hidden md:table-cell" data-testid="field-column">{localName(column.name, locale)}</TH>}
            <TH>{t("status")}</TH>
            <TH className="hidden lg:table-cell">{t("assignee")}</TH>
            <TH className="text-right whitespace-nowrap">{t("updated")}</TH>
          </TR>
        </THead>
        <TBody ref={body}>
          {items.map((tk, i) => (
            <TR key={tk.id} interactive data-testid="queue-row" aria-selected={selected.has(tk.id)} className={focus === i ? "bg-canvas" : undefined}>
              <TD>
                <input type="checkbox" aria-label={t("selectRow", { number: tk.number })} checked={selected.has(tk.id)} onChange={() => toggle(tk.id)} className="size-4 cursor-pointer accent-primary-600" data-testid="row-check" />
              </TD>
              <TD className="hidden font-mono text-ink-subtle sm:table-cell">#{tk.number}</TD>
              <TD className="max-w-0 min-w-48 w-full">
                <Link href={`/staff/tickets/${tk.id}`} data-row-link onFocus={() => setFocus(i)} className="block truncate font-medium text-ink hover:underline focus-visible:underline">{tk.title}</Link>
                <div className="truncate text-xs text-ink-subtle"><span className="font-mono sm:hidden">#{tk.number} · </span>{localName(tk.category.name, locale)}<span className="md:hidden"> · {tk.requester.name}</span><span className="sm:hidden"> · {localName(tk.priority.name, locale)}</span></div>
              </TD>
              <TD className="hidden max-w-56 md:table-cell">
                <div className="truncate text-ink">{tk.requester.name}</div>
                <div className="truncate text-xs text-ink-subtle">{tk.requester.email}</div>
              </TD>
              <TD className="hidden sm:table-cell"><PriorityBadge priority={tk.priority} locale={locale} /></TD>
              {column && <TD className="hidden max-w-48 truncate text-ink-muted md:table-cell">{formatFieldValue(column as never, tk.customFields?.[String(column.id)], locale === "ru" ? "ru" : "en")}</TD>}
              <TD><StatusBadge status={tk.status} locale={locale} /></TD>
              <TD className="hidden text-ink-muted lg:table-cell">
                {tk.assignee ? (
                  <span className="inline-flex items-center gap-2 whitespace-nowrap"><Avatar name={tk.assignee.name} size="xs" decorative /> {tk.assignee.name}</span>
                ) : (
                  <span className="text-ink-subtle">{t("unassigned")}</span>
                )}
              </TD>
              <TD className="text-right whitespace-nowrap text-ink-muted">
                <time dateTime={new Date(tk.lastActivityAt).toISOString()} title={times[tk.id]?.full}>{times[tk.id]?.relative}</time>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
