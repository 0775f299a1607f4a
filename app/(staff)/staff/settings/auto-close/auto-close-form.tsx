"use client";
// Auto-close settings (autoCloseDays, autoCloseStatusId, autoCloseReminderDays) through
// settings.update, validated by the same schema and decider as the CLI; off = 0 days. The only
// page that edits these keys.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardFooter } from "@/app/_components/ui/card";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Switch } from "@/app/_components/ui/switch";
import { Field } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";

export function AutoCloseForm(props: { days: number; reminderDays: number; statusId: number | "none"; statuses: Array<{ id: number; label: string; key: string | null }>; cronUrl: string }) {
  const t = useTranslations("admin.autoClose");
  const tc = useTranslations("admin.common");
  const trpc = useTRPC();
  const act = useAdminAction();
  const waiting = props.statuses.find((s) => s.key === "waiting")?.id;
  const [on, setOn] = useState(props.days > 0 && props.statusId !== "none");
  const [days, setDays] = useState(props.days > 0 ? props.days : 14);
  const [statusId, setStatusId] = useState(props.statusId !== "none" ? String(props.statusId) : String(waiting ?? ""));
  const [reminder, setReminder] = useState(props.reminderDays);
  const save = useMutation(trpc.settings.update.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  const problem = (field: string) => {
    // the decider's problem code arrives in details.fields (server/platform/settings/auto-close-check.ts)
    const fields = (save.error as { data?: { details?: { fields?: Record<string, string> } | null } } | null)?.data?.details?.fields;
    const code = fields?.[field];
    return code ? t(`problems.${code}` as never) : undefined;
  };
  return (
    <form
      data-testid="auto-close-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ group: "tickets", values: on ? { autoCloseDays: days, autoCloseStatusId: Number(statusId), autoCloseReminderDays: reminder } : { autoCloseDays: 0, autoCloseStatusId: "none", autoCloseReminderDays: 0 } });
      }}
    >
      <Card>
        <CardContent className="space-y-5 pt-6">
          <Switch label={t("enabled")} checked={on} onCheckedChange={setOn} data-testid="auto-close-switch" />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("days")} required={on}>
              <Input type="number" min={1} max={365} required={on} disabled={!on} value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="auto-close-days" />
            </Field>
            <Field label={t("status")} required={on} error={problem("autoCloseStatusId")}>
              <Select value={statusId} required={on} disabled={!on} onChange={(e) => setStatusId(e.target.value)} data-testid="auto-close-status">
                <option value="">{t("chooseStatus")}</option>
                {props.statuses.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
              </Select>
            </Field>
            <Field label={t("reminderDays")} hint={t("reminderHint")} error={problem("autoCloseReminderDays")}>
              <Input type="number" min={0} max={364} disabled={!on} value={reminder} onChange={(e) => setReminder(Number(e.target.value))} data-testid="auto-close-reminder" />
            </Field>
          </div>
          <div className="rounded-lg border border-line bg-canvas p-3 text-sm">
            <div className="font-medium text-ink">{t("cron")}</div>
            <code className="mt-1 block break-all text-ink-muted">{props.cronUrl}</code>
            <p className="mt-1 text-xs text-ink-subtle">{t("cronHint")}</p>
          </div>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={save.isPending}>{tc("save")}</Button>
        </CardFooter>
      </Card>
    </form>
  );
}
