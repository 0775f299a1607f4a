"use client";
// A failed KB call's reason in words: KB-specific reasons first, then the shared ones.
import { useTranslations } from "next-intl";
import { errorInfo } from "@/app/_lib/trpc-error";

export function useKbErrorText() {
  const tk = useTranslations("kb.errors");
  const te = useTranslations("errors");
  return (e: unknown) => {
    const { reason, fieldErrors } = errorInfo(e);
    if (tk.has(reason as never)) return tk(reason as never);
    if (te.has(reason as never)) return te(reason as never);
    const field = Object.values(fieldErrors)[0];
    if (field && te.has(field as never)) return te(field as never);
    return tk("generic");
  };
}
