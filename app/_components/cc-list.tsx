"use client";
// The Cc list of a ticket (issue 15.6), for staff (add, remove) and for the ticket's customer
// (add, when the ticket setting allows). Which buttons show comes from the DTO's `actions`,
// computed by the same policies the server enforces.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Mail, Plus, X } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";

type Props = { ticketId: number; participants: { email: string; name: string | null }[]; canAdd: boolean; canRemove: boolean };

export function CcList({ ticketId, participants, canAdd, canRemove }: Props) {
  const t = useTranslations("ticket-actions.cc");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [email, setEmail] = useState("");
  const fail = (e: unknown) => {
    const { reason, fieldErrors } = errorInfo(e);
    const code = fieldErrors.email ?? reason;
    toast({ title: te.has(code as never) ? te(code as never) : te("generic"), variant: "danger" });
  };
  const add = useMutation(trpc.ticket.addCc.mutationOptions({ onSuccess: () => { setEmail(""); toast({ title: t("added"), variant: "success" }); router.refresh(); }, onError: fail }));
  const remove = useMutation(trpc.ticket.removeCc.mutationOptions({ onSuccess: () => { toast({ title: t("removed"), variant: "success" }); router.refresh(); }, onError: fail }));
  return (
    <div className="space-y-3" data-testid="cc-list">
      {participants.length === 0 ? (
        <p className="text-sm text-ink-subtle">{t("empty")}</p>
      ) : (
        <ul className="space-y-1">
          {participants.map((p) => (
            <li key={p.email} className="flex min-w-0 items-center gap-2 text-sm" data-testid="cc-item">
              <Mail className="size-3.5 shrink-0 text-ink-subtle" aria-hidden />
              <span className="min-w-0 flex-1 truncate" title={p.email}>{p.name ? <><span className="text-ink">{p.name}</span> <span className="text-ink-muted">{p.email}</span></> : <span className="text-ink">{p.email}</span>}</span>
              {canRemove && (
                <Button variant="ghost" size="icon" className="size-7" aria-label={t("remove", { email: p.email })} title={t("remove", { email: p.email })} disabled={remove.isPending}
                  onClick={() => remove.mutate({ ticketId, email: p.email })}>
                  <X className="size-3.5" aria-hidden />
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); if (email.trim()) add.mutate({ ticketId, email: email.trim() }); }}>
          <Input type="email" name="cc" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} placeholder={t("placeholder")} aria-label={t("addLabel")} className="min-w-0" />
          <Button type="submit" variant="outline" loading={add.isPending} aria-label={t("add")} title={t("add")}><Plus className="size-4" aria-hidden /><span className="sr-only sm:not-sr-only">{t("add")}</span></Button>
        </form>
      )}
    </div>
  );
}
