"use client";
// The staff member's own "away" flag (issue 16): automatic assignment skips them while it is on.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Switch } from "@/app/_components/ui/switch";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";

export function AwaySwitch({ initial }: { initial: boolean }) {
  const t = useTranslations("team.away");
  const trpc = useTRPC();
  const { toast } = useToast();
  const [away, setAway] = useState(initial);
  const save = useMutation(trpc.user.setAway.mutationOptions({ onSuccess: (r) => { setAway(r.away); toast({ title: t("saved"), variant: "success" }); } }));
  return <Switch label={t("label")} description={t("description")} checked={away} disabled={save.isPending} onCheckedChange={(on) => save.mutate({ away: on })} data-testid="away-switch" />;
}
