"use client";
// What every admin manager starts with: its translations, the locale, the tRPC options proxy
// and the row open in its create / edit dialog (null = closed).
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";

export function useAdminManager<F>(namespace: string) {
  const [form, setForm] = useState<F | null>(null);
  return {
    t: useTranslations(namespace),
    tc: useTranslations("admin.common"),
    locale: useLocale(),
    trpc: useTRPC(),
    form,
    setForm,
    close: () => setForm(null),
  };
}
