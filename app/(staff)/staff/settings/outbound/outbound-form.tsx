"use client";
// Transport choice, sender, SMTP and Resend credentials. Secrets are never sent to the browser:
// the form shows ••• when one is stored, and an empty field keeps it (settings.update rule).
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import type { OutboundSettings } from "@/server/domain/settings/schema";

export function OutboundForm({ initial, secretsSet, mailbox }: { initial: OutboundSettings; secretsSet: Record<string, boolean>; mailbox: string }) {
  const t = useTranslations("outbound.settings");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const [v, setV] = useState<OutboundSettings>({ ...initial, smtpPassword: "", resendApiKey: "" });
  const [set, setSet] = useState(secretsSet);
  const [msg, setMsg] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (r) => {
        setSet(r.secretsSet);
        setV((x) => ({ ...x, smtpPassword: "", resendApiKey: "" }));
        setMsg({ ok: true, text: t("saved") });
      },
      onError: (e) => {
        const info = errorInfo(e);
        const details = (e as { data?: { details?: { fields?: Record<string, string> } | null } }).data?.details;
        setMsg({ ok: false, text: te.has(info.reason as never) ? te(info.reason as never) : te("generic"), fields: details?.fields ?? info.fieldErrors });
      },
    }),
  );
  const up = <K extends keyof OutboundSettings>(k: K, value: OutboundSettings[K]) => setV((x) => ({ ...x, [k]: value }));
  const from = v.fromEmail.trim();
  const differs = mailbox !== "" && from !== "" && from.toLowerCase() !== mailbox.toLowerCase();
  const err = (k: string) => msg?.fields?.[k];

  return (
    <form
      data-testid="outbound-form"
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        setMsg(null);
        save.mutate({ group: "outbound", values: { ...v } });
      }}
    >
      <Card>
        <CardHeader><CardTitle>{t("transport")}</CardTitle></CardHeader>
        <CardContent className="space-y-4">
          <Field label={t("transport")} hint={t("transportHint")}>
            <Select name="transport" value={v.transport} onChange={(e) => up("transport", e.target.value as OutboundSettings["transport"])}>
              {(["outbox", "smtp", "resend"] as const).map((k) => <option key={k} value={k}>{t(`transports.${k}`)}</option>)}
            </Select>
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("fromName")} error={err("fromName")}>
              <Input value={v.fromName} onChange={(e) => up("fromName", e.target.value)} />
            </Field>
            <Field label={t("fromEmail")} error={err("fromEmail")} hint={mailbox ? t("fromEmailHint", { mailbox }) : t("fromEmailHintNoMailbox")}>
              <Input type="email" name="fromEmail" value={v.fromEmail} placeholder={mailbox} onChange={(e) => up("fromEmail", e.target.value)} />
            </Field>
          </div>
          {differs && <Alert variant="warning" data-testid="from-differs">{t("fromDiffers", { from, mailbox })}</Alert>}
          <Checkbox checked={v.attachToReplies} onChange={(e) => up("attachToReplies", e.currentTarget.checked)} label={t("attachToReplies")} />
        </CardContent>
      </Card>

      {v.transport === "smtp" && (
        <Card>
          <CardHeader><CardTitle>{t("smtp")}</CardTitle></CardHeader>
          <CardContent className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
              <Field label={t("smtpHost")} error={err("smtpHost")}>
                <Input name="smtpHost" value={v.smtpHost} onChange={(e) => up("smtpHost", e.target.value)} autoComplete="off" />
              </Field>
              <Field label={t("smtpPort")} error={err("smtpPort")}>
                <Input name="smtpPort" type="number" min={1} max={65535} value={v.smtpPort} onChange={(e) => up("smtpPort", Number(e.target.value))} />
              </Field>
            </div>
            <Checkbox checked={v.smtpSecure} onChange={(e) => up("smtpSecure", e.currentTarget.checked)} label={t("smtpSecure")} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("smtpUsername")} error={err("smtpUsername")}>
                <Input name="smtpUsername" value={v.smtpUsername} onChange={(e) => up("smtpUsername", e.target.value)} autoComplete="off" />
              </Field>
              <Field label={t("smtpPassword")} hint={set.smtpPassword ? t("secretSet") : undefined}>
                <Input name="smtpPassword" type="password" value={v.smtpPassword} placeholder={set.smtpPassword ? t("secretPlaceholder") : ""} onChange={(e) => up("smtpPassword", e.target.value)} autoComplete="new-password" />
              </Field>
            </div>
          </CardContent>
        </Card>
      )}

      {v.transport === "resend" && (
        <Card>
          <CardHeader><CardTitle>{t("resend")}</CardTitle></CardHeader>
          <CardContent>
            <Field label={t("resendApiKey")} hint={set.resendApiKey ? t("secretSet") : undefined}>
              <Input name="resendApiKey" type="password" value={v.resendApiKey} placeholder={set.resendApiKey ? t("secretPlaceholder") : "re_…"} onChange={(e) => up("resendApiKey", e.target.value)} autoComplete="off" />
            </Field>
          </CardContent>
        </Card>
      )}

      {msg && <Alert variant={msg.ok ? "success" : "danger"}>{msg.text}</Alert>}
      <Button type="submit" loading={save.isPending}>{t("save")}</Button>
    </form>
  );
}
