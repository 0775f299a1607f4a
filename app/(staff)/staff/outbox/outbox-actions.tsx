"use client";
// Row actions of the outbox page: preview (HTML in a sandboxed iframe, no scripts, no same
// origin), plain text and headers; "send again"; and the page's "deliver now".
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogDescription } from "@/app/_components/ui/dialog";
import { Tabs, TabsList, TabsTrigger, TabsContent } from "@/app/_components/ui/tabs";
import { Spinner } from "@/app/_components/ui/spinner";
import { Alert } from "@/app/_components/ui/alert";
import { useTRPC } from "@/app/_trpc/client";

export function OutboxRowActions({ id, canResend }: { id: number; canResend: boolean }) {
  const t = useTranslations("outbound.outbox");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const mail = useQuery({ ...trpc.outbox.get.queryOptions({ id }), enabled: open });
  const resend = useMutation(trpc.outbox.resend.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex justify-end gap-2">
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button size="sm" variant="outline" data-testid="outbox-view">{t("view")}</Button>
        </DialogTrigger>
        <DialogContent size="xl" closeLabel={tc("close")}>
          <DialogHeader>
            <DialogTitle>{t("preview", { id })}</DialogTitle>
            <DialogDescription className="truncate">{mail.data ? `${mail.data.subject} → ${mail.data.toEmail}` : "…"}</DialogDescription>
          </DialogHeader>
          <DialogBody>
            {!mail.data ? (
              <Spinner label={tc("loading")} />
            ) : (
              <div className="space-y-3">
                {mail.data.lastError && <Alert variant="danger" title={t("error")}>{mail.data.lastError}</Alert>}
                <Tabs defaultValue={mail.data.html ? "html" : "text"}>
                  <TabsList aria-label={t("preview", { id })}>
                    {mail.data.html && <TabsTrigger value="html">{t("html")}</TabsTrigger>}
                    <TabsTrigger value="text">{t("text")}</TabsTrigger>
                    <TabsTrigger value="headers">{t("headers")}</TabsTrigger>
                  </TabsList>
                  {mail.data.html && (
                    <TabsContent value="html">
                      <iframe title={t("previewFrame")} sandbox="" srcDoc={mail.data.html} className="h-[60vh] w-full rounded-md border border-line bg-white" data-testid="outbox-frame" />
                    </TabsContent>
                  )}
                  <TabsContent value="text">
                    <pre className="max-h-[60vh] overflow-auto rounded-md border border-line bg-subtle p-3 text-sm whitespace-pre-wrap">{mail.data.text}</pre>
                  </TabsContent>
                  <TabsContent value="headers">
                    <pre className="max-h-[60vh] overflow-auto rounded-md border border-line bg-subtle p-3 text-xs whitespace-pre-wrap">
                      {[
                        `From: ${mail.data.fromEmail ?? ""}`,
                        `To: ${mail.data.toEmail}`,
                        ...(mail.data.cc.length ? [`Cc: ${mail.data.cc.join(", ")}`] : []),
                        ...(mail.data.replyTo ? [`Reply-To: ${mail.data.replyTo}`] : []),
                        `Subject: ${mail.data.subject}`,
                        `Message-ID: ${mail.data.messageIdHeader}`,
                        ...Object.entries(mail.data.headers).map(([k, v]) => `${k}: ${v}`),
                      ].join("\n")}
                    </pre>
                  </TabsContent>
                </Tabs>
              </div>
            )}
          </DialogBody>
        </DialogContent>
      </Dialog>
      {canResend && (
        <Button size="sm" variant="ghost" loading={resend.isPending} onClick={() => resend.mutate({ id })} data-testid="outbox-resend">
          {resend.isSuccess ? t("resent") : t("resend")}
        </Button>
      )}
    </div>
  );
}

export function DeliverNowButton() {
  const t = useTranslations("outbound.outbox");
  const trpc = useTRPC();
  const router = useRouter();
  const run = useMutation(trpc.outbox.deliverNow.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex items-center gap-3">
      {run.data && <span className="text-sm text-ink-muted" role="status">{t("delivered", { sent: run.data.sent, retried: run.data.retried, failed: run.data.failed })}</span>}
      <Button variant="outline" loading={run.isPending} onClick={() => run.mutate()}>{t("deliverNow")}</Button>
    </div>
  );
}
