"use client";
// The staff reply box: public reply (ticket.reply) or internal note (ticket.addNote), canned
// replies with placeholders, a per-ticket draft in localStorage that survives a reload, and
// Ctrl/⌘+Enter to send.
import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Lock, MessageSquareText, Send, ChevronDown } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { Kbd } from "@/app/_components/ui/kbd";
import { DropdownMenu, DropdownMenuTrigger, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "@/app/_components/ui/dropdown-menu";
import { useTRPC } from "@/app/_trpc/client";
import { cn } from "@/app/_lib/cn";
import { AttachmentPicker, type UploadLimits } from "@/app/_components/attachment-picker";
import { fillPlaceholders } from "@/server/domain/tickets/placeholders";
import { useTicketVersion } from "./version-context";
import { useTicketOutcome } from "./use-ticket-mutation";
import { KbLinkPicker } from "./kb-link-picker";
import { MentionSuggest } from "./mention-suggest";
import { useVersionedReply } from "./use-versioned-reply";
import { ReplyConflictDialog } from "./reply-conflict-dialog";

type Mode = "reply" | "note";
type Canned = { id: number; title: string; body: string };
const draftKey = (ticketId: number, mode: Mode) => `helpdesk:draft:ticket:${ticketId}:${mode}`;

export function StaffComposer({ ticketId, canned, values, uploadLimits }: { ticketId: number; canned: Canned[]; values: { customerName: string; ticketNumber: number; agentName: string }; uploadLimits: UploadLimits }) {
  const t = useTranslations("staff.ticket");
  const trpc = useTRPC();
  const { version } = useTicketVersion();
  const outcome = useTicketOutcome();
  const versioned = useVersionedReply(ticketId);
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState<Record<Mode, string>>({ reply: "", note: "" });
  const [restored, setRestored] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  // files for the reply (notes are text only); a new key empties the picker after sending
  const [files, setFiles] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [pickerKey, setPickerKey] = useState(0);
  const [caret, setCaret] = useState(0);

  // restore drafts after hydration (localStorage is browser-only)
  useEffect(() => {
    setText({ reply: localStorage.getItem(draftKey(ticketId, "reply")) ?? "", note: localStorage.getItem(draftKey(ticketId, "note")) ?? "" });
    setRestored(true);
  }, [ticketId]);

  // every change is written at once (not in an effect), so a reload right after typing keeps it
  const write = (m: Mode, value: string) => {
    setText((x) => ({ ...x, [m]: value }));
    try {
      if (value) localStorage.setItem(draftKey(ticketId, m), value);
      else localStorage.removeItem(draftKey(ticketId, m));
    } catch {
      // storage full or disabled: the draft just is not kept
    }
  };

  const clear = (m: Mode) => write(m, "");
  const reply = useMutation(trpc.ticket.reply.mutationOptions({
    onSuccess: (r) => {
      versioned.sent();
      clear("reply");
      setFiles({ ids: [], busy: false });
      setPickerKey((k) => k + 1);
      outcome.onSuccess(r, t("sent"));
    },
    onError: (e, input) => { if (!versioned.caught(e, input)) outcome.onError(e); },
  }));
  const note = useMutation(trpc.ticket.addNote.mutationOptions({ onSuccess: (r) => { clear("note"); outcome.onSuccess(r, t("noteAdded")); }, onError: outcome.onError }));
  const pending = reply.isPending || note.isPending || (mode === "reply" && files.busy);
  const body = text[mode];

  const send = () => {
    if (!body.trim() || pending) return;
    if (mode === "reply") reply.mutate({ ticketId, body, attachmentIds: files.ids, version: versioned.versionFor() });
    else note.mutate({ ticketId, version, body });
  };

  const insert = (c: Canned) => {
    const snippet = fillPlaceholders(c.body, values);
    const el = area.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + snippet + body.slice(end);
    write(mode, next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  return (
    <form
      data-testid="reply-form"
      className={cn("overflow-hidden rounded-xl border bg-surface shadow-xs transition-colors", mode === "note" ? "border-warning-200" : "border-line")}
      onSubmit={(e) => { e.preventDefault(); send(); }}
    >
      <div className={cn("flex flex-wrap items-center gap-1 border-b px-2 py-1.5", mode === "note" ? "border-warning-200 bg-warning-50" : "border-line bg-canvas/70")}>
        <div role="group" aria-label={t("reply")} className="flex gap-1">
          {(["reply", "note"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              data-testid={`mode-${m}`}
              onClick={() => { setMode(m); area.current?.focus(); }}
              className={cn(
                "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium transition-colors",
                mode === m ? "bg-surface text-ink shadow-xs ring-1 ring-line" : "text-ink-muted hover:bg-subtle hover:text-ink",
              )}
            >
              {m === "reply" ? <MessageSquareText className="size-4" aria-hidden /> : <Lock className="size-4" aria-hidden />}
              {m === "reply" ? t("tabReply") : t("tabNote")}
            </button>
          ))}
        </div>
        <div className="ml-auto"><KbLinkPicker onInsert={(md) => insert({ id: 0, title: "", body: md })} /></div>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm" data-testid="canned-trigger">{t("canned")} <ChevronDown className="size-4" aria-hidden /></Button>
          </DropdownMenuTrigger>
          {/* focus goes to the text after inserting, not back to the menu button (Radix's default
              would race with it and swallow the next keystrokes) */}
          <DropdownMenuContent className="w-72" onCloseAutoFocus={(e) => e.preventDefault()}>
            <DropdownMenuLabel>{t("insert")}</DropdownMenuLabel>
            {canned.length === 0 && <div className="px-2 py-1.5 text-ink-subtle">{t("cannedEmpty")}</div>}
            {canned.map((c) => (
              <DropdownMenuItem key={c.id} onSelect={() => insert(c)} data-testid="canned-item" className="flex-col items-start gap-0.5">
                <span className="font-medium">{c.title}</span>
                <span className="line-clamp-1 text-xs text-ink-subtle">{c.body}</span>
              </DropdownMenuItem>
            ))}
            <DropdownMenuSeparator />
            <DropdownMenuItem asChild><a href="/staff/settings/canned-replies">{t("cannedManage")}</a></DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <label className="sr-only" htmlFor={`composer-${ticketId}`}>{mode === "reply" ? t("reply") : t("tabNote")}</label>
      <Textarea
        id={`composer-${ticketId}`}
        ref={area}
        name="body"
        rows={6}
        autoGrow
        value={body}
        placeholder={mode === "reply" ? t("replyPlaceholder") : t("notePlaceholder")}
        onChange={(e) => { write(mode, e.target.value); setCaret(e.target.selectionStart); versioned.edited(e.target.value, mode === "reply"); }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); send(); } }}
        className={cn("rounded-none border-0 shadow-none focus-visible:ring-0", mode === "note" && "bg-warning-50/40")}
        data-testid="composer-text"
      />
      {mode === "note" && (
        <MentionSuggest ticketId={ticketId} text={body} caret={caret} onInsert={(next, at) => {
          write("note", next);
          setCaret(at);
          requestAnimationFrame(() => { area.current?.focus(); area.current?.setSelectionRange(at, at); });
        }} />
      )}
      {mode === "reply" && (
        <div className="border-t border-line px-3 py-2">
          <AttachmentPicker key={pickerKey} limits={uploadLimits} onChange={(ids, busy) => setFiles({ ids, busy })} />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 border-t border-line px-3 py-2">
        <p className="text-xs text-ink-subtle">
          {mode === "note" ? t("noteHint") : body && restored ? t("draftSaved") : null}
          <span className="ml-2 hidden sm:inline"><Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd></span>
        </p>
        <Button type="submit" className="ml-auto" variant={mode === "note" ? "secondary" : "primary"} loading={pending} disabled={!body.trim()}>
          {mode === "reply" ? <Send className="size-4" aria-hidden /> : <Lock className="size-4" aria-hidden />}
          {mode === "reply" ? t("send") : t("addNote")}
        </Button>
      </div>
      <ReplyConflictDialog open={versioned.conflict !== null} pending={reply.isPending} onCancel={versioned.dismiss} onSend={() => { if (versioned.conflict) reply.mutate(versioned.conflict); }} />
    </form>
  );
}
