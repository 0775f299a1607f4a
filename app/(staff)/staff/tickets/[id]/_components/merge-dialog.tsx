"use client";
// "Merge into another ticket" (issue 15.4): search by number or title, pick the target, confirm.
// The server (action-policies.ts canMergeTickets) decides; this only asks.
import { useState } from "react";
import { useDebounced } from "@/app/_lib/use-debounced";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { GitMerge, Search } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Alert } from "@/app/_components/ui/alert";
import { StatusDot } from "./status-dot";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { useErrorText } from "../../../_lib/use-error-text";
import { useTicketVersion } from "./version-context";

type Candidate = { id: number; title: string; status: { name: { ru: string; en: string }; color: string }; requester: { name: string; email: string } };

export function MergeDialog({ ticketId, title }: { ticketId: number; title: string }) {
  const t = useTranslations("ticket-actions.merge");
  const tc = useTranslations("common.actions");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText();
  const { version } = useTicketVersion();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 250);
  const [picked, setPicked] = useState<Candidate | null>(null);
  const found = useQuery(trpc.ticket.mergeCandidates.queryOptions({ ticketId, query: q }, { enabled: open && q.length > 0 && !picked }));
  const merge = useMutation(trpc.ticket.merge.mutationOptions({ onSuccess: (r) => { setOpen(false); router.push(`/staff/tickets/${r.id}`); router.refresh(); } }));
  const reset = () => { setQuery(""); setPicked(null); merge.reset(); };
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) reset(); }}>
      <DialogTrigger asChild>
        <Button variant="outline" className="w-full" data-testid="merge-open"><GitMerge className="size-4" aria-hidden /> {t("button")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{picked ? t("confirmTitle") : t("title")}</DialogTitle>
          <DialogDescription>{picked ? t("confirmText", { source: ticketId, sourceTitle: title, target: picked.id, targetTitle: picked.title }) : t("description", { number: ticketId })}</DialogDescription>
        </DialogHeader>
        <DialogBody className="space-y-3">
          {merge.error && <Alert variant="danger" data-testid="merge-error">{errorText(merge.error)}</Alert>}
          {picked ? (
            <ul className="list-disc space-y-1 pl-5 text-sm text-ink-muted" data-testid="merge-confirm">
              <li>{t("effectMove")}</li>
              <li>{t("effectClose", { number: ticketId })}</li>
              <li>{t("effectMail")}</li>
            </ul>
          ) : (
            <>
              <div className="relative">
                <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle" aria-hidden />
                <Input autoFocus type="search" className="pl-9" value={query} maxLength={200} placeholder={t("searchPlaceholder")} aria-label={t("search")} onChange={(e) => setQuery(e.target.value)} data-testid="merge-search" />
              </div>
              {q && found.data?.length === 0 && <p className="text-sm text-ink-subtle">{t("nothing")}</p>}
              <ul className="max-h-72 divide-y divide-line overflow-y-auto rounded-md border border-line empty:hidden" data-testid="merge-results">
                {(found.data ?? []).map((c) => (
                  <li key={c.id}>
                    <button type="button" className="flex w-full items-start gap-3 px-3 py-2 text-left text-sm hover:bg-subtle" onClick={() => setPicked(c)}>
                      <span className="font-mono text-ink-subtle">#{c.id}</span>
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium text-ink">{c.title}</span>
                        <span className="flex items-center gap-1.5 text-xs text-ink-muted"><StatusDot color={c.status.color} /> {locale === "en" ? c.status.name.en : c.status.name.ru} · <span className="truncate">{c.requester.name}</span></span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </DialogBody>
        <DialogFooter>
          {picked ? <Button variant="ghost" onClick={() => { setPicked(null); merge.reset(); }}>{tc("back")}</Button> : <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>}
          {picked && <Button variant="danger" loading={merge.isPending} onClick={() => merge.mutate({ sourceId: ticketId, targetId: picked.id, sourceVersion: version })} data-testid="merge-confirm-button">{t("confirm", { number: picked.id })}</Button>}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
