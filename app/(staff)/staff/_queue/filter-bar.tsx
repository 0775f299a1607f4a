"use client";
// The queue's filter form: a plain GET form to /staff (works without JS); selects apply at
// once, "/" focuses the search box.
import { useEffect, useRef } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Search, X } from "lucide-react";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { CategorySelect, type PickerCategory } from "@/app/_components/category-select";
import { Button } from "@/app/_components/ui/button";
import { Kbd } from "@/app/_components/ui/kbd";
import { parseQueueParams, queueHref, type QueueParams } from "./queue-params";

type Opt = { id: number; label: string };
export type FilterLabels = Record<"search" | "searchPlaceholder" | "status" | "allOpen" | "all" | "category" | "anyCategory" | "assignee" | "anyone" | "me" | "unassigned" | "requester" | "requesterPlaceholder" | "from" | "to" | "apply" | "reset" | "filters", string>;

/** `children`: more controls inside the form (issue 15's priority / custom-field filters). */
export function FilterBar({ params, statuses, categories, agents, labels, filtered, children }: { params: QueueParams; statuses: Opt[]; categories: PickerCategory[]; agents: Opt[]; labels: FilterLabels; filtered: boolean; children?: React.ReactNode }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (e.key === "/" && !e.metaKey && !e.ctrlKey && !/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && !el.isContentEditable) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const submit = () => form.current?.requestSubmit();
  return (
    <form ref={form} method="get" action="/staff" role="search" aria-label={labels.filters} data-testid="queue-filters"
      onSubmit={(e) => {
        // clean URL: only the filters that are set
        e.preventDefault();
        const raw = Object.fromEntries([...new FormData(e.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
        router.push(queueHref(parseQueueParams(raw)));
      }}
      className="space-y-3 rounded-xl border border-line bg-surface p-3 shadow-xs">
      <div className="flex gap-2">
        <label className="relative flex-1">
          <span className="sr-only">{labels.search}</span>
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle" />
          <Input ref={search} name="q" type="search" defaultValue={params.q ?? ""} placeholder={labels.searchPlaceholder} className="pr-10 pl-9" data-testid="queue-search" />
          <Kbd className="pointer-events-none absolute top-1/2 right-2.5 hidden -translate-y-1/2 sm:inline-flex">/</Kbd>
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="primary">{labels.apply}</Button>
          {filtered && (
            <Button asChild variant="ghost" title={labels.reset}><Link href="/staff"><X className="size-4" aria-hidden /> <span className="hidden sm:inline">{labels.reset}</span><span className="sr-only sm:hidden">{labels.reset}</span></Link></Button>
          )}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-x-2 gap-y-3 md:grid-cols-3 xl:grid-cols-6">
        <Select name="status" aria-label={labels.status} defaultValue={String(params.status)} onChange={submit} data-testid="filter-status">
          <option value="open">{labels.allOpen}</option>
          <option value="all">{labels.all}</option>
          {statuses.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </Select>
        <CategorySelect name="category" aria-label={labels.category} categories={categories} defaultValue={params.category ?? 0} placeholder={labels.anyCategory} parentsSelectable onChange={submit} data-testid="filter-category" />
        <Select name="assignee" aria-label={labels.assignee} defaultValue={String(params.assignee)} onChange={submit} data-testid="filter-assignee">
          <option value="any">{labels.assignee}: {labels.anyone}</option>
          <option value="me">{labels.me}</option>
          <option value="unassigned">{labels.unassigned}</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </Select>
        <Input name="requester" type="search" aria-label={labels.requester} placeholder={labels.requesterPlaceholder} defaultValue={params.requester ?? ""} data-testid="filter-requester" />
        <label className="relative block">
          <span className="pointer-events-none absolute -top-2 left-2 bg-surface px-1 text-[11px] leading-4 text-ink-subtle">{labels.from}</span>
          <Input name="from" type="date" defaultValue={params.from ?? ""} onChange={submit} className="min-w-0" data-testid="filter-from" />
        </label>
        <label className="relative block">
          <span className="pointer-events-none absolute -top-2 left-2 bg-surface px-1 text-[11px] leading-4 text-ink-subtle">{labels.to}</span>
          <Input name="to" type="date" defaultValue={params.to ?? ""} onChange={submit} className="min-w-0" data-testid="filter-to" />
        </label>
        {children}
      </div>
    </form>
  );
}
