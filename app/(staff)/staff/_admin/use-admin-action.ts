"use client";
// Shared outcome of admin writes: a toast and a refresh of the server-rendered page.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/app/_components/ui/toast";
import { useErrorText } from "../_lib/use-error-text";

export function useAdminAction() {
  const t = useTranslations("admin.common");
  const router = useRouter();
  const { toast } = useToast();
  const errorText = useErrorText();
  return {
    done: (message?: string) => { toast({ title: message ?? t("saved"), variant: "success" }); router.refresh(); },
    failed: (e: unknown) => toast({ title: errorText(e), variant: "danger" }),
  };
}
