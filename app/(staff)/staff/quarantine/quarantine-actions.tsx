"use client";
// Row actions of the quarantine page: view (parsed preview as text, sanitized HTML in a
// sandboxed iframe, raw source), retry, create a ticket, discard.
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogDescription, DialogFooter } from "@/app/_components/ui/dialog";
import { Tabs, TabsList, TabsTrigger, TabsContent } from "@/app/_components/ui/tabs";
import { Spinner } from "@/app/_components/ui/spinner";
import { Alert } from "@/app/_components/ui/alert";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";

export function QuarantineRowActions({ id, open: pending }: { id: number; open: boolean }) {
  const t = useTranslations("mail.quarantine");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string; ticketId?: number | null } | null>(null);
  const entry = useQuery({ ...trpc.quarantine.byId.queryOptions({ id }), enabled: open });
  const fail = (e: unknown) => {
    const info = errorInfo(e as never);
    setNote({ ok: false, text: te.has(info.reason as never) ? te(info.reason as never) : te("generic") });
  };
  const reason = (r: string | null) => (r && t.has(`reasons.${r}` as never) ? t(`reasons.${r}` as never) : (r ?? ""));
  const retry = useMutation(
    trpc.quarantine.retry.mutationOptions({
      onSuccess: (r) => {
        setNote(r.resolved ? { ok: true, text: t("retryResolved", { outcome: r.outcome }), ticketId: r.ticketId } : { ok: false, text: t("retryHeld", { reason: reason(r.reason) }) });
        router.refresh();
      },
      onError: fail,
    }),
  );
  const create = useMutation(
    trpc.quarantine.createTicket.mutationOptions({
      onSuccess: (r) => {
        setNote({ ok: true, text: t("ticketCreated", { id: r.ticketId }), ticketId: r.ticketId });
        router.refresh();
      },
      onError: fail,
    }),
  );
  const discard = useMutation(trpc.quarantine.discard.mutationOptions({ onSuccess: () => { setOpen(false); router.refresh(); }, onError: fail }));
  const d = entry.data;
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) setNote(null); }}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="quarantine-view">{t("view")}</Button>
      </DialogTrigger>
      <DialogContent size="xl" closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{d?.preview?.subject || d?.inboundMail.subject || t("noSubject")}</DialogTitle>
          <DialogDescription className="truncate">{d ? `${d.inboundMail.fromEmail ?? "—"} · ${reason(d.reason)}${d.detail ? ` · ${d.detail}` : ""}` : "…"}</DialogDescription>
        </DialogHeader>
        <DialogBody>
          {!d ? (
            <Spinner label="…" />
          ) : (
            <div className="space-y-3">
              {note && (
                <Alert variant={note.ok ? "success" : "warning"} data-testid="quarantine-note">
                  {note.text}{" "}
                  {note.ticketId ? <Link className="underline" href={`/staff/tickets/${note.ticketId}`}>{t("openTicket", { id: note.ticketId })}</Link> : null}
                </Alert>
              )}
              <Tabs defaultValue={d.preview ? "text" : "source"}>
                <TabsList aria-label={t("view")}>
                  {d.preview && <TabsTrigger value="text">{t("text")}</TabsTrigger>}
                  {d.preview?.html && <TabsTrigger value="html">HTML</TabsTrigger>}
                  <TabsTrigger value="source">{t("source")}</TabsTrigger>
                </TabsList>
                {d.preview && (
                  <TabsContent value="text">
                    <pre className="max-h-[50vh] overflow-auto rounded-md border border-line bg-subtle p-3 text-sm whitespace-pre-wrap">{d.preview.text}</pre>
                    {d.preview.attachments.length > 0 && <p className="mt-2 text-sm text-ink-muted">{t("attachments")}: {d.preview.attachments.join(", ")}</p>}
                  </TabsContent>
                )}
                {d.preview?.html && (
                  <TabsContent value="html">
                    <iframe title="HTML" sandbox="" srcDoc={d.preview.html} className="h-[50vh] w-full rounded-md border border-line bg-white" />
                  </TabsContent>
                )}
                <TabsContent value="source">
                  <pre className="max-h-[50vh] overflow-auto rounded-md border border-line bg-subtle p-3 text-xs whitespace-pre-wrap">{d.rawText}{d.rawTruncated ? `\n${t("truncated")}` : ""}</pre>
                </TabsContent>
              </Tabs>
            </div>
          )}
        </DialogBody>
        {pending && d && !d.resolvedAt && (
          <DialogFooter>
            <Button variant="danger" loading={discard.isPending} onClick={() => discard.mutate({ id })} data-testid="quarantine-discard">{t("discard")}</Button>
            <Button variant="outline" loading={create.isPending} onClick={() => create.mutate({ id })} data-testid="quarantine-create">{t("createTicket")}</Button>
            <Button loading={retry.isPending} onClick={() => retry.mutate({ id })} data-testid="quarantine-retry">{t("retry")}</Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
