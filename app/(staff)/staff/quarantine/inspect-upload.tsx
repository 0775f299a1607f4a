"use client";
// "Inspect a mail file": what ingest would do with an uploaded .eml — nothing is saved.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function InspectUpload() {
  const t = useTranslations("mail.quarantine");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inspect = useMutation(
    trpc.quarantine.inspect.mutationOptions({
      onError: (e) => {
        const info = errorInfo(e);
        setError(te.has(info.reason as never) ? te(info.reason as never) : te("generic"));
      },
    }),
  );
  const r = inspect.data;
  const ri = (k: string) => t(`inspectResult.${k}` as never);
  const plan = () => {
    if (!r) return "";
    if (r.duplicate) return ri("duplicate");
    const p = r.plan;
    if (p.action === "append" || p.action === "refuse-closed") return t(`plan.${p.action}`, { id: p.ticketId });
    if (p.action === "quarantine") return t("plan.quarantine", { reason: t.has(`reasons.${p.reason}` as never) ? t(`reasons.${p.reason}` as never) : p.reason });
    return t("plan.create");
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("inspectTitle")}</CardTitle>
        <CardDescription>{t("inspectText")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            if (file) inspect.mutate({ emlBase64: toBase64(await file.arrayBuffer()) });
          }}
        >
          <Field label={t("inspectFile")}>
            <Input type="file" accept=".eml,message/rfc822" data-testid="inspect-file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          </Field>
          <Button type="submit" disabled={!file} loading={inspect.isPending} data-testid="inspect-submit">{t("inspect")}</Button>
        </form>
        {error && <Alert variant="danger">{error}</Alert>}
        {r && (
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm" data-testid="inspect-result">
            <dt className="text-ink-muted">{ri("messageId")}</dt><dd className="break-all">{r.messageId ?? r.messageKey}</dd>
            <dt className="text-ink-muted">{ri("sender")}</dt><dd>{r.fromName ? `${r.fromName} <${r.from}>` : r.from || "—"}</dd>
            <dt className="text-ink-muted">{ri("automatic")}</dt><dd>{r.automatic.automatic ? `${r.automatic.kind} (${r.automatic.reason})` : ri("no")}</dd>
            <dt className="text-ink-muted">{ri("ticket")}</dt>
            <dd>{r.match.ticketId ? `#${r.match.ticketId} · ${r.match.rule}${r.match.ticketExists ? "" : ` (${ri("noSuchTicket")})`}` : r.match.forged ? ri("forged") : ri("none")}</dd>
            <dt className="text-ink-muted">{ri("would")}</dt><dd data-testid="inspect-plan">{plan()}</dd>
            <dt className="text-ink-muted">{t("attachments")}</dt><dd>{r.attachments.length ? r.attachments.map((a) => `${a.fileName} (${a.contentType}${a.inline ? ", inline" : ""})`).join(", ") : "—"}</dd>
            <dt className="text-ink-muted">{ri("reply")}</dt><dd><pre className="rounded-md bg-subtle p-2 whitespace-pre-wrap">{r.reply.text}</pre></dd>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
