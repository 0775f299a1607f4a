"use client";
// The inbound mailbox form. The password is never sent to the browser: the form shows ••• when
// one is stored, and an empty field keeps it. "Test connection" uses the values on screen.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import type { MailSettings } from "@/server/domain/settings/schema";
import { useSecretSettingsForm } from "../_components/use-secret-settings-form";
import { SettingsSave } from "../_components/settings-save";
import { ServerFields } from "../_components/server-fields";

type Named = { id: number; nameRu: string; nameEn: string };
type Test = { ok: boolean; text: string; detail?: string };

/** `priorities`: for the priority of mail-born tickets (issue 15.1). */
export function MailForm({ initial, secretsSet, categories, statuses, priorities = [] }: { initial: MailSettings; secretsSet: Record<string, boolean>; categories: Named[]; statuses: Named[]; priorities?: Named[] }) {
  const t = useTranslations("mail.settings");
  const tf = useTranslations("fields.settings");
  const te = useTranslations("errors");
  const locale = useLocale();
  const trpc = useTRPC();
  const { v, setV, set, msg, up, err, pending, submit } = useSecretSettingsForm<MailSettings>("mail", initial, secretsSet, { password: "" }, t("saved"));
  const [test, setTest] = useState<Test | null>(null);
  const name = (n: Named) => (locale === "en" ? n.nameEn : n.nameRu);
  const testConn = useMutation(
    trpc.mail.testConnection.mutationOptions({
      onSuccess: (r) =>
        setTest(r.ok ? { ok: true, text: t("testOk", { folder: r.folder, messages: r.messages }) } : { ok: false, text: t(`testFailed.${r.code}`), detail: r.message }),
      onError: () => setTest({ ok: false, text: te("generic") }),
    }),
  );
  const after = v.afterProcessing.startsWith("move:") ? "move" : v.afterProcessing;
  const connection = { protocol: v.protocol, host: v.host, port: v.port, secure: v.secure, allowInvalidCertificate: v.allowInvalidCertificate, caPem: v.caPem, username: v.username, password: v.password, folder: v.folder };

  return (
    <form data-testid="mail-form" className="space-y-6" onSubmit={submit}>
      <Card>
        <CardHeader><CardTitle>{t("connection")}</CardTitle></CardHeader>
        <CardContent className="space-y-4">
          <ServerFields
            names={{ host: "host", port: "port", secure: "secure", username: "username", password: "password" }}
            labels={{ host: t("host"), port: t("port"), secure: t("secure"), username: t("username"), password: t("password"), passwordStored: t("secretSet"), passwordPlaceholder: t("secretPlaceholder") }}
            value={v} onChange={(name, value) => setV((x) => ({ ...x, [name]: value }))} error={err} passwordStored={set.password ?? false} rowClassName="grid gap-4 sm:grid-cols-[8rem_1fr_7rem]" usernameType="email"
            host={{ hint: v.host ? t("hostPort", { value: `${v.host}:${v.port}` }) : undefined, placeholder: "imap.example.com" }}
            lead={
        <Field label={t("protocol")}>
          <Select name="protocol" value={v.protocol} onChange={(e) => { const p = e.target.value as MailSettings["protocol"]; setV((x) => ({ ...x, protocol: p, port: x.secure ? (p === "imap" ? 993 : 995) : p === "imap" ? 143 : 110, afterProcessing: p === "pop3" ? "leave" : x.afterProcessing })); }}>
            <option value="imap">IMAP</option>
            <option value="pop3">POP3</option>
          </Select>
        </Field>
            }
          />
          {v.protocol === "imap" && (
            <Field label={t("folder")} error={err("folder")}>
              <Input name="folder" value={v.folder} onChange={(e) => up("folder", e.target.value)} />
            </Field>
          )}
          <Field label={t("caPem")} hint={t("caPemHint")} error={err("caPem")}>
            <Textarea name="caPem" rows={3} className="font-mono text-xs" value={v.caPem} onChange={(e) => up("caPem", e.target.value)} />
          </Field>
          <Checkbox checked={v.allowInvalidCertificate} onChange={(e) => up("allowInvalidCertificate", e.currentTarget.checked)} label={t("allowInvalidCertificate")} />
          {v.allowInvalidCertificate && <Alert variant="warning" data-testid="invalid-cert-warning">{t("allowInvalidWarning")}</Alert>}
          <div className="flex items-center gap-3">
            <Button variant="outline" loading={testConn.isPending} onClick={() => { setTest(null); testConn.mutate(connection); }} data-testid="test-connection">{t("test")}</Button>
          </div>
          {test && (
            <Alert variant={test.ok ? "success" : "danger"} data-testid="test-result">
              {test.text}
              {test.detail && <span className="mt-1 block text-xs opacity-80">{t("testDetail", { message: test.detail })}</span>}
            </Alert>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>{t("processing")}</CardTitle></CardHeader>
        <CardContent className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t("defaultTitle")} error={err("defaultTitle")}>
              <Input value={v.defaultTitle} onChange={(e) => up("defaultTitle", e.target.value)} />
            </Field>
            <Field label={t("defaultCategoryId")}>
              <Select value={String(v.defaultCategoryId)} onChange={(e) => up("defaultCategoryId", e.target.value === "auto" ? "auto" : Number(e.target.value))}>
                <option value="auto">{t("auto")}</option>
                {categories.map((c) => <option key={c.id} value={c.id}>{name(c)}</option>)}
              </Select>
            </Field>
            <Field label={t("defaultStatusId")}>
              <Select value={String(v.defaultStatusId)} onChange={(e) => up("defaultStatusId", e.target.value === "auto" ? "auto" : Number(e.target.value))}>
                <option value="auto">{t("auto")}</option>
                {statuses.map((s) => <option key={s.id} value={s.id}>{name(s)}</option>)}
              </Select>
            </Field>
            <Field label={tf("defaultPriority")}>
              <Select value={String(v.defaultPriorityId)} onChange={(e) => up("defaultPriorityId", e.target.value === "auto" ? "auto" : Number(e.target.value))} data-testid="mail-default-priority">
                <option value="auto">{tf("defaultPriorityAuto")}</option>
                {priorities.map((p) => <option key={p.id} value={p.id}>{name(p)}</option>)}
              </Select>
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {(["ticketStringRu", "ticketStringEn", "replyStringRu", "replyStringEn"] as const).map((k) => (
              <Field key={k} label={t(k)} error={err(k)}>
                <Input value={v[k]} onChange={(e) => up(k, e.target.value)} />
              </Field>
            ))}
          </div>
          <Field label={t("unknownSenderReply")}>
            <Select value={v.unknownSenderReply} onChange={(e) => up("unknownSenderReply", e.target.value as MailSettings["unknownSenderReply"])}>
              {(["new-ticket", "quarantine"] as const).map((k) => <option key={k} value={k}>{t(`unknownSender.${k}`)}</option>)}
            </Select>
          </Field>
          {v.protocol === "pop3" ? (
            <p className="text-sm text-ink-muted">{t("pop3After")}</p>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("afterProcessing")} error={err("afterProcessing")}>
                <Select value={after} onChange={(e) => up("afterProcessing", e.target.value === "move" ? "move:Processed" : e.target.value)}>
                  {(["mark-seen", "leave", "move"] as const).map((k) => <option key={k} value={k}>{t(`after.${k}`)}</option>)}
                </Select>
              </Field>
              {after === "move" && (
                <Field label={t("moveFolder")}>
                  <Input value={v.afterProcessing.slice(5)} onChange={(e) => up("afterProcessing", `move:${e.target.value}`)} />
                </Field>
              )}
            </div>
          )}
          <Checkbox checked={v.plusAddressing} onChange={(e) => up("plusAddressing", e.currentTarget.checked)} label={t("plusAddressing")} />
          <Checkbox checked={v.acknowledgeMailTickets} onChange={(e) => up("acknowledgeMailTickets", e.currentTarget.checked)} label={t("acknowledgeMailTickets")} />
          <div className="grid gap-4 sm:grid-cols-3">
            {(["maxMailMb", "batchSize", "timeBudgetSeconds"] as const).map((k) => (
              <Field key={k} label={t(k)} error={err(k)}>
                <Input type="number" min={1} value={v[k]} onChange={(e) => up(k, Number(e.target.value))} />
              </Field>
            ))}
          </div>
          {/* a mail with thousands of Cc must not make thousands of participants */}
          <Field label={t("maxParticipantsFromMail")} hint={t("maxParticipantsFromMailHint")} error={err("maxParticipantsFromMail")}>
            <Input type="number" min={0} max={200} className="sm:max-w-40" value={v.maxParticipantsFromMail} onChange={(e) => up("maxParticipantsFromMail", Number(e.target.value))} />
          </Field>
        </CardContent>
      </Card>

      <SettingsSave msg={msg} pending={pending} label={t("save")} />
    </form>
  );
}
