"use client";
// "Save view": the queue's current filters, sort and column under a name (issue 16.4).
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { BookmarkPlus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Alert } from "@/app/_components/ui/alert";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter } from "@/app/_components/ui/dialog";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import type { QueueParams } from "./queue-params";
import { TeamPicker } from "./team-picker";
import { useViewOutcome } from "./use-view-mutation";

export function SaveViewDialog({ params, teams }: { params: Omit<QueueParams, "cursor">; teams: { id: number; name: string }[] }) {
  const t = useTranslations("live.views");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const { toast } = useToast();
  const outcome = useViewOutcome();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [pinned, setPinned] = useState(true);
  const [teamIds, setTeamIds] = useState<number[]>([]);
  const create = useMutation(trpc.view.create.mutationOptions({
    onSuccess: async () => { setOpen(false); toast({ title: t("saved"), variant: "success" }); await outcome.refetch(); },
  }));
  const reset = () => { setName(""); setPinned(true); setTeamIds([]); create.reset(); };
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) reset(); }}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="view-save-open"><BookmarkPlus className="size-4" aria-hidden /> {t("save")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <form onSubmit={(e) => { e.preventDefault(); create.mutate({ name, params, pinned, teamIds }); }}>
          <DialogHeader>
            <DialogTitle>{t("saveTitle")}</DialogTitle>
            <DialogDescription>{t("saveHint")}</DialogDescription>
          </DialogHeader>
          <DialogBody className="space-y-4">
            {create.error && <Alert variant="danger" data-testid="view-error">{outcome.errorText(create.error)}</Alert>}
            <Field label={t("name")} htmlFor="view-name" required>
              <Input id="view-name" autoFocus required maxLength={60} value={name} placeholder={t("namePlaceholder")} onChange={(e) => setName(e.target.value)} data-testid="view-name" />
            </Field>
            <Checkbox label={t("pinned")} checked={pinned} onChange={(e) => setPinned(e.target.checked)} />
            <TeamPicker teams={teams} value={teamIds} onChange={setTeamIds} />
          </DialogBody>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()} data-testid="view-save">{t("ok")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
