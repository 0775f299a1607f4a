"use client";
// State and saving of a settings group whose secrets never reach the browser (mail, outbound):
// the values on screen with the secret fields empty, which secrets are stored (the form shows
// •••), and the outcome with per-field errors. An empty secret keeps the stored one, so after a
// save the secret fields are emptied again.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";

export type SettingsMsg = { ok: boolean; text: string; fields?: Record<string, string> };

export function useSecretSettingsForm<S extends Record<string, unknown>>(group: "mail" | "outbound", initial: S, secretsSet: Record<string, boolean>, emptySecrets: Partial<S>, savedText: string) {
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const [v, setV] = useState<S>({ ...initial, ...emptySecrets });
  const [set, setSet] = useState(secretsSet);
  const [msg, setMsg] = useState<SettingsMsg | null>(null);
  const save = useMutation(trpc.settings.update.mutationOptions({
    onSuccess: (r) => {
      setSet(r.secretsSet);
      setV((x) => ({ ...x, ...emptySecrets }));
      setMsg({ ok: true, text: savedText });
    },
    onError: (e) => {
      const info = errorInfo(e);
      const details = (e as { data?: { details?: { fields?: Record<string, string> } | null } }).data?.details;
      setMsg({ ok: false, text: te.has(info.reason as never) ? te(info.reason as never) : te("generic"), fields: details?.fields ?? info.fieldErrors });
    },
  }));
  return {
    v, setV, set, msg,
    up: <K extends keyof S>(k: K, value: S[K]) => setV((x) => ({ ...x, [k]: value })),
    err: (k: string) => msg?.fields?.[k],
    pending: save.isPending,
    submit: (e: React.FormEvent) => { e.preventDefault(); setMsg(null); save.mutate({ group, values: { ...v } }); },
  };
}
