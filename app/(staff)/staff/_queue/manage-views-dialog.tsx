"use client";
// "Manage views" (issue 16.4): pin / unpin, order of the pinned ones, rename and share (the
// owner; admins and managers pick teams), delete. The server decides who may do what
// (server/domain/views/saved-view.ts); this only offers the buttons its answers allow.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Pin, PinOff, Pencil, Trash2, Settings2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Alert } from "@/app/_components/ui/alert";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { ReorderButtons } from "../_admin/reorder-buttons";
import { TeamPicker } from "./team-picker";
import { useViewOutcome } from "./use-view-mutation";

type Item = { id: number; name: string; pinned: boolean; mine: boolean; canEdit: boolean; ownerName: string; teamIds: number[] };
type Team = { id: number; name: string };

export function ManageViewsDialog({ items, teams }: { items: Item[]; teams: Team[] }) {
  const t = useTranslations("live.views");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const outcome = useViewOutcome();
  const done = { onSuccess: () => outcome.refetch() };
  const pin = useMutation(trpc.view.pin.mutationOptions(done));
  const reorder = useMutation(trpc.view.reorder.mutationOptions(done));
  const remove = useMutation(trpc.view.delete.mutationOptions(done));
  const error = pin.error ?? reorder.error ?? remove.error;
  const busy = pin.isPending || reorder.isPending || remove.isPending;
  const pinnedIds = items.filter((v) => v.pinned).map((v) => v.id);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" data-testid="view-manage-open"><Settings2 className="size-4" aria-hidden /> {t("manage")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t("manageTitle")}</DialogTitle>
          <DialogDescription>{t("manageHint")}</DialogDescription>
        </DialogHeader>
        <DialogBody className="space-y-3">
          {error && <Alert variant="danger">{outcome.errorText(error)}</Alert>}
          {items.length === 0 && <p className="text-sm text-ink-subtle">{t("empty")}</p>}
          <ul className="divide-y divide-line" data-testid="view-manage-list">
            {items.map((v) => (
              <li key={v.id} className="space-y-2 py-2" data-testid={`view-row-${v.id}`}>
                {editing === v.id ? (
                  <EditView item={v} teams={teams} onDone={() => setEditing(null)} />
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="min-w-0 flex-1 truncate text-sm font-medium">{v.name}
                      {!v.mine && <span className="ml-2 text-xs font-normal text-ink-subtle">{t("sharedBy", { name: v.ownerName })}</span>}
                      {v.mine && v.teamIds.length > 0 && <span className="ml-2 text-xs font-normal text-ink-subtle">{t("sharedWith", { count: v.teamIds.length })}</span>}
                    </span>
                    {v.pinned && <ReorderButtons ids={pinnedIds} index={pinnedIds.indexOf(v.id)} name={v.name} disabled={busy} onMove={(ids) => reorder.mutate({ ids })} />}
                    <Button size="sm" variant="ghost" disabled={busy} onClick={() => pin.mutate({ id: v.id, pinned: !v.pinned })} data-testid="view-pin">
                      {v.pinned ? <PinOff className="size-4" aria-hidden /> : <Pin className="size-4" aria-hidden />} {v.pinned ? t("unpin") : t("pin")}
                    </Button>
                    {v.canEdit && <Button size="icon" variant="ghost" aria-label={`${t("rename")}: ${v.name}`} onClick={() => setEditing(v.id)} data-testid="view-rename"><Pencil className="size-4" aria-hidden /></Button>}
                    {v.canEdit && <Button size="icon" variant="ghost" aria-label={`${t("delete")}: ${v.name}`} onClick={() => setConfirming(v.id)} data-testid="view-delete"><Trash2 className="size-4" aria-hidden /></Button>}
                  </div>
                )}
                {confirming === v.id && (
                  <div className="flex flex-wrap items-center gap-2 rounded-md bg-danger-50 p-2 text-sm" role="alert">
                    <span className="flex-1">{t("deleteConfirm", { name: v.name })}</span>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>{t("cancel")}</Button>
                    <Button size="sm" variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ id: v.id }, { onSuccess: () => setConfirming(null) })} data-testid="view-delete-confirm">{t("delete")}</Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </DialogBody>
      </DialogContent>
    </Dialog>
  );
}

function EditView({ item, teams, onDone }: { item: Item; teams: Team[]; onDone: () => void }) {
  const t = useTranslations("live.views");
  const trpc = useTRPC();
  const outcome = useViewOutcome();
  const [name, setName] = useState(item.name);
  const [teamIds, setTeamIds] = useState(item.teamIds);
  const update = useMutation(trpc.view.update.mutationOptions({ onSuccess: async () => { await outcome.refetch(); onDone(); } }));
  return (
    <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); update.mutate({ id: item.id, name, ...(teams.length ? { teamIds } : {}) }); }}>
      {update.error && <Alert variant="danger">{outcome.errorText(update.error)}</Alert>}
      <Input autoFocus required maxLength={60} value={name} aria-label={t("name")} onChange={(e) => setName(e.target.value)} data-testid="view-rename-input" />
      <TeamPicker teams={teams} value={teamIds} onChange={setTeamIds} />
      <div className="flex justify-end gap-2">
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>{t("cancel")}</Button>
        <Button type="submit" size="sm" loading={update.isPending} disabled={!name.trim()} data-testid="view-rename-save">{t("ok")}</Button>
      </div>
    </form>
  );
}
