"use client";
// Shared outcome handling of staff writes on the ticket page: success → store the new version,
// toast, refresh the server components; a stale version → an error toast with a Reload button.
import { createElement } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/app/_components/ui/toast";
import { Button } from "@/app/_components/ui/button";
import { errorInfo } from "@/app/_lib/trpc-error";
import { useErrorText } from "../../../_lib/use-error-text";
import { useTicketVersion } from "./version-context";

export function useTicketOutcome() {
  const t = useTranslations("staff.ticket");
  const router = useRouter();
  const { toast } = useToast();
  const errorText = useErrorText();
  const { setVersion } = useTicketVersion();
  return {
    onSuccess: (r: { version?: number } | undefined, message = t("saved")) => {
      if (r && typeof r.version === "number") setVersion(r.version);
      toast({ title: message, variant: "success" });
      router.refresh();
    },
    onError: (e: unknown) => {
      const stale = errorInfo(e).reason === "STALE_UPDATE";
      toast({
        title: errorText(e),
        variant: "danger",
        duration: stale ? 15_000 : undefined,
        action: stale ? createElement(Button, { size: "sm", variant: "outline", onClick: () => window.location.reload() }, t("reload")) : undefined,
      });
    },
  };
}
