"use client";
// @mentions in the note composer (issue 16 point 3): after "@" it offers the staff who may see
// this ticket (notification.mentionable); picking one puts "@Name " in. Below the text it warns
// about names mentioned that cannot see the ticket: the note is saved, they are not notified.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { AtSign } from "lucide-react";
import { useTRPC } from "@/app/_trpc/client";
import { activeMention, mentionText, parseMentions } from "@/server/domain/notifications/mentions";

export function MentionSuggest({ ticketId, text, caret, onInsert }: { ticketId: number; text: string; caret: number; onInsert: (next: string, caret: number) => void }) {
  const t = useTranslations("notifications.mention");
  const trpc = useTRPC();
  const visible = useQuery(trpc.notification.mentionable.queryOptions({ ticketId }, { staleTime: 60_000 }));
  const everyone = useQuery(trpc.user.assignable.queryOptions(undefined, { staleTime: 60_000, enabled: text.includes("@") }));
  const typed = activeMention(text, caret);
  // a name just picked (or typed in full, then a space): nothing more to offer
  const done = typed && /\s$/.test(typed.query) && (visible.data ?? []).some((p) => p.name.toLocaleLowerCase() === typed.query.trim().toLocaleLowerCase());
  const at = done ? null : typed;
  const q = at?.query.trim().toLocaleLowerCase() ?? "";
  const offers = at ? (visible.data ?? []).filter((p) => p.name.toLocaleLowerCase().includes(q) || p.email.toLocaleLowerCase().startsWith(q)).slice(0, 8) : [];
  const seeing = new Set((visible.data ?? []).map((p) => p.id));
  const blind = everyone.data ? parseMentions(text, everyone.data).filter((id) => !seeing.has(id)) : [];
  const blindNames = blind.map((id) => everyone.data!.find((p) => p.id === id)?.name).filter(Boolean).join(", ");
  const pick = (name: string) => {
    if (!at) return;
    const ins = mentionText({ name });
    onInsert(text.slice(0, at.start) + ins + text.slice(caret), at.start + ins.length);
  };
  if (!at && !blindNames) return null;
  return (
    <div className="border-t border-warning-200 bg-warning-50/40 px-3 py-2 text-sm">
      {at && (
        <div role="listbox" aria-label={t("offer")} className="flex flex-wrap items-center gap-1" data-testid="mention-offers">
          <AtSign className="size-4 text-ink-subtle" aria-hidden />
          {offers.length === 0 && <span className="text-xs text-ink-muted">{t("none")}</span>}
          {offers.map((p) => (
            <button key={p.id} type="button" role="option" aria-selected={false} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(p.name)}
              className="rounded-full border border-line bg-surface px-2.5 py-0.5 text-sm text-ink hover:border-primary-400 hover:bg-primary-50" data-testid="mention-offer">
              {p.name}
            </button>
          ))}
        </div>
      )}
      {blindNames && <p className="mt-1 text-xs text-warning-700" role="status" data-testid="mention-blind">{t("cannotSee", { names: blindNames })}</p>}
    </div>
  );
}
