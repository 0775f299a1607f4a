"use client";
// Transport choice, sender, SMTP and Resend credentials. Secrets are never sent to the browser:
// the form shows ••• when one is stored, and an empty field keeps it (settings.update rule).
import { useTranslations } from "next-intl";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import type { OutboundSettings } from "@/server/domain/settings/schema";
import { useSecretSettingsForm } from "../_components/use-secret-settings-form";
import { SettingsSave } from "../_components/settings-save";
import { ServerFields, type Server } from "../_components/server-fields";

/** the SMTP settings behind each server field */
const SMTP = { host: "smtpHost", port: "smtpPort", secure: "smtpSecure", username: "smtpUsername", password: "smtpPassword" } as const satisfies Record<keyof Server, keyof OutboundSettings>;

export function OutboundForm({ initial, secretsSet, mailbox }: { initial: OutboundSettings; secretsSet: Record<string, boolean>; mailbox: string }) {
  const t = useTranslations("outbound.settings");
  const { v, setV, set, msg, up, err, pending, submit } = useSecretSettingsForm<OutboundSettings>("outbound", initial, secretsSet, { smtpPassword: "", resendApiKey: "" }, t("saved"));
  const from = v.fromEmail.trim();
  const differs = mailbox !== "" && from !== "" && from.toLowerCase() !== mailbox.toLowerCase();

  return (
    <form data-testid="outbound-form" className="space-y-6" onSubmit={submit}>
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
            <ServerFields
              names={SMTP}
              labels={{ host: t("smtpHost"), port: t("smtpPort"), secure: t("smtpSecure"), username: t("smtpUsername"), password: t("smtpPassword"), passwordStored: t("secretSet"), passwordPlaceholder: t("secretPlaceholder") }}
              value={{ host: v.smtpHost, port: v.smtpPort, secure: v.smtpSecure, username: v.smtpUsername, password: v.smtpPassword }}
              onChange={(name, value) => setV((x) => ({ ...x, [name]: value }))} error={err} passwordStored={set.smtpPassword ?? false} rowClassName="grid gap-4 sm:grid-cols-[1fr_8rem]"
            />
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

      <SettingsSave msg={msg} pending={pending} label={t("save")} />
    </form>
  );
}
