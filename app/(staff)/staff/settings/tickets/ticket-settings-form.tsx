"use client";
// «Настройки заявок / Ticket settings»: every key of ticketSettingsSchema with help text.
// Saves the changed keys through settings.update, which validates with the same schema.
import { useMemo, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { ShieldCheck, Users, Paperclip, Workflow } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Switch } from "@/app/_components/ui/switch";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/app/_components/ui/card";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import type { TicketSettings } from "@/server/domain/settings/schema";

type Status = { id: number; name: string; isClosed: boolean };
type BoolKey = "requireLogin" | "allowGuestTickets" | "allowTicketEdit" | "allowRating" | "noRepliesAfterClose" | "closeNotesOnClose" | "allowUploads" | "customerSetsPriority";

export function TicketSettingsForm({ initial, statuses }: { initial: TicketSettings; statuses: Status[] }) {
  const t = useTranslations("settings-tickets");
  const ta = useTranslations("ticket-actions.settings");
  const te = useTranslations("errors");
  const router = useRouter();
  const trpc = useTRPC();
  const toast = useToast();
  const [saved, setSaved] = useState(initial);
  const [v, setV] = useState(initial);
  const [types, setTypes] = useState(initial.allowedFileTypes.join(", "));
  const parsedTypes = useMemo(() => types.split(/[\s,]+/).map((x) => x.trim().toLowerCase().replace(/^\./, "")).filter(Boolean), [types]);
  const typesOk = parsedTypes.length > 0 && parsedTypes.every((x) => /^[a-z0-9]{1,10}$/.test(x));
  const current = { ...v, allowedFileTypes: parsedTypes };
  const changed = (Object.keys(current) as (keyof TicketSettings)[]).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(saved[k]));
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (r) => {
        const next = r.values as TicketSettings;
        setSaved(next);
        setV(next);
        setTypes(next.allowedFileTypes.join(", "));
        toast.toast({ title: t("saved"), variant: "success" });
        router.refresh();
      },
    }),
  );
  const err = save.error ? errorInfo(save.error) : null;
  const fieldErr = (err?.fieldErrors ?? {}) as Record<string, string>;

  const sw = (key: BoolKey, extra?: { disabled?: boolean }) => (
    <Switch
      key={key}
      data-testid={`setting-${key}`}
      checked={v[key]}
      onCheckedChange={(on) => setV({ ...v, [key]: on })}
      label={t(`fields.${key}.label`)}
      description={t(`fields.${key}.help`)}
      disabled={extra?.disabled}
    />
  );
  const statusSelect = (key: "statusOnStaffReply" | "statusOnClientReply") => (
    <Field label={t(`fields.${key}.label`)} hint={t(`fields.${key}.help`)}>
      <Select data-testid={`setting-${key}`} value={String(v[key])} onChange={(e) => setV({ ...v, [key]: e.target.value === "none" ? "none" : Number(e.target.value) })}>
        <option value="none">{t("none")}</option>
        {statuses.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
      </Select>
    </Field>
  );
  const section = (icon: React.ReactNode, title: string, description: string, body: React.ReactNode) => (
    <Card>
      <CardHeader className="flex flex-row items-start gap-3">
        <span className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary-50 text-primary-700">{icon}</span>
        <div className="space-y-1">
          <CardTitle as="h2">{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">{body}</CardContent>
    </Card>
  );

  return (
    <form
      className="space-y-6 pb-24"
      data-testid="ticket-settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!typesOk) return;
        save.mutate({ group: "tickets", values: Object.fromEntries(changed.map((k) => [k, current[k]])) });
      }}
    >
      {err && <Alert variant="danger">{te(err.reason as never)}</Alert>}
      {section(<ShieldCheck className="size-5" aria-hidden />, t("sections.access"), t("sections.accessDescription"), <>
        {sw("requireLogin")}
        {sw("allowGuestTickets")}
        {v.requireLogin && v.allowGuestTickets && <p className="ml-12 text-[13px] text-warning-700">{t("fields.requireLogin.help")}</p>}
      </>)}
      {section(<Users className="size-5" aria-hidden />, t("sections.customer"), t("sections.customerDescription"), <>
        {sw("allowTicketEdit")}
        {sw("allowRating")}
        {sw("noRepliesAfterClose")}
        {sw("customerSetsPriority")}
        <Switch data-testid="setting-customersMayAddCc" checked={v.customersMayAddCc} onCheckedChange={(on) => setV({ ...v, customersMayAddCc: on })} label={ta("customersMayAddCc.label")} description={ta("customersMayAddCc.help")} />
      </>)}
      {section(<Paperclip className="size-5" aria-hidden />, t("sections.uploads"), t("sections.uploadsDescription"), <>
        {sw("allowUploads")}
        <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
          <Field label={t("fields.maxUploadMb.label")} hint={t("fields.maxUploadMb.help")} error={fieldErr.maxUploadMb ? te("INVALID_INPUT") : undefined}>
            <Input data-testid="setting-maxUploadMb" type="number" min={1} max={100} value={v.maxUploadMb} disabled={!v.allowUploads} onChange={(e) => setV({ ...v, maxUploadMb: Number(e.target.value) })} />
          </Field>
          <Field label={t("fields.allowedFileTypes.label")} hint={t("fields.allowedFileTypes.help")} error={typesOk ? undefined : t("typesInvalid")}>
            <Input data-testid="setting-allowedFileTypes" value={types} disabled={!v.allowUploads} onChange={(e) => setTypes(e.target.value)} />
          </Field>
        </div>
      </>)}
      {section(<Workflow className="size-5" aria-hidden />, t("sections.workflow"), t("sections.workflowDescription"), <>
        {sw("closeNotesOnClose")}
        <div className="grid gap-4 sm:grid-cols-2">
          {statusSelect("statusOnStaffReply")}
          {statusSelect("statusOnClientReply")}
        </div>
        <Field label={ta("replyEditMinutes.label")} hint={ta("replyEditMinutes.help")}>
          <Input data-testid="setting-replyEditMinutes" type="number" min={0} max={1440} className="sm:max-w-48" value={v.replyEditMinutes} onChange={(e) => setV({ ...v, replyEditMinutes: Number(e.target.value) })} />
        </Field>
        {/* auto-close has one home, its own page: two forms for the same keys disagreed (issue 16) */}
        <p className="text-sm text-ink-muted" data-testid="auto-close-link">
          {t("autoCloseMoved")} <Link className="font-medium text-primary-700 hover:underline" href="/staff/settings/auto-close">{t("autoCloseMovedLink")}</Link>
        </p>
      </>)}
      <div className="sticky bottom-0 z-10 -mx-4 flex items-center justify-end gap-3 border-t border-line bg-surface/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:shadow-lg">
        {changed.length > 0 && <span className="mr-auto text-sm text-ink-muted" data-testid="unsaved">{t("unsaved")}</span>}
        <Button variant="ghost" disabled={!changed.length} onClick={() => { setV(saved); setTypes(saved.allowedFileTypes.join(", ")); }}>{t("reset")}</Button>
        <Button type="submit" loading={save.isPending} disabled={!changed.length || !typesOk} data-testid="save-settings">{t("save")}</Button>
      </div>
    </form>
  );
}
