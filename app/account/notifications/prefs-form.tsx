"use client";
// The grid of events × channels; saved as a whole (the server validates it with the same zod schema).
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { NOTIFY_EVENTS, type NotifyPrefs } from "@/server/domain/notifications/prefs";
import { useErrorText } from "@/app/(staff)/staff/_lib/use-error-text";

const CHANNELS = ["mail", "app"] as const;

export function NotificationPrefsForm({ initial }: { initial: NotifyPrefs }) {
  const t = useTranslations("notifications.prefs");
  const trpc = useTRPC();
  const { toast } = useToast();
  const errorText = useErrorText();
  const [prefs, setPrefs] = useState(initial);
  const save = useMutation(trpc.notification.setPrefs.mutationOptions({
    onSuccess: (p) => { setPrefs(p); toast({ title: t("saved"), variant: "success" }); },
    onError: (e) => toast({ title: errorText(e), variant: "danger" }),
  }));
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(prefs); }} className="space-y-4" data-testid="notification-prefs">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-line text-left text-xs text-ink-muted">
            <th scope="col" className="py-2 pr-2 font-medium">{t("event")}</th>
            {CHANNELS.map((c) => <th key={c} scope="col" className="w-20 px-1 py-2 text-center font-medium sm:w-28">{t(c)}</th>)}
          </tr>
        </thead>
        <tbody>
          {NOTIFY_EVENTS.map((ev) => (
            <tr key={ev} className="border-b border-line last:border-0">
              <th scope="row" className="py-3 pr-2 text-left align-top font-normal">
                <span className="block font-medium text-ink" id={`pref-${ev}`}>{t(`events.${ev}`)}</span>
                <span className="block text-xs text-ink-muted">{t(`hints.${ev}`)}</span>
              </th>
              {CHANNELS.map((c) => (
                <td key={c} className="px-1 py-3 text-center align-top">
                  <input
                    type="checkbox"
                    className="size-4 cursor-pointer accent-primary-600"
                    checked={prefs[ev][c]}
                    aria-label={`${t(`events.${ev}`)}: ${t(c)}`}
                    data-testid={`pref-${ev}-${c}`}
                    onChange={(e) => setPrefs({ ...prefs, [ev]: { ...prefs[ev], [c]: e.target.checked } })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-ink-muted">{t("awayHint")}</p>
      <Button type="submit" disabled={save.isPending} data-testid="notification-prefs-save">{t("save")}</Button>
    </form>
  );
}
