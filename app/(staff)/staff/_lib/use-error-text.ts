"use client";
// Translates a failed call's reason: the shared errors namespace first, then staff-specific ones.
import { useTranslations } from "next-intl";
import { errorInfo } from "@/app/_lib/trpc-error";

export function useErrorText() {
  const te = useTranslations("errors");
  const ts = useTranslations("staff.errors");
  return (e: unknown) => {
    const { reason } = errorInfo(e);
    if (te.has(reason as never)) return te(reason as never);
    if (ts.has(reason as never)) return ts(reason as never);
    return te("generic");
  };
}
