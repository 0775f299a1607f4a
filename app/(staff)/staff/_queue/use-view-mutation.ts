"use client";
// Shared outcome of view.* writes: refetch the list and badges; errors translated from the
// live namespace first (view reasons), then the shared ones.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import { useErrorText } from "../_lib/use-error-text";

export function useViewOutcome() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tl = useTranslations("live.errors");
  const fallback = useErrorText();
  return {
    refetch: () => Promise.all([qc.invalidateQueries({ queryKey: trpc.view.list.queryKey() }), qc.invalidateQueries({ queryKey: trpc.view.counts.queryKey() })]),
    errorText: (e: unknown) => {
      const r = errorInfo(e).reason;
      return tl.has(r as never) ? tl(r as never) : fallback(e);
    },
  };
}
