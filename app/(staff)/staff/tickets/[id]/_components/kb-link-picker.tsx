"use client";
// Next to canned replies: search the knowledge base (internal articles included — staff see
// them, but only public/customer ones make sense to send) and insert a Markdown link to an
// article at the cursor. The link is absolute (APP_URL): replies also go out by mail.
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { BookOpen } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Badge } from "@/app/_components/ui/badge";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogBody } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";

export function KbLinkPicker({ onInsert }: { onInsert: (markdown: string) => void }) {
  const t = useTranslations("kb.picker");
  const tc = useTranslations("common");
  const locale = useLocale();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const id = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(id);
  }, [text]);
  const res = useQuery({ ...trpc.kb.search.queryOptions({ q, lang: locale === "en" ? "en" : "ru", limit: 10 }), enabled: open && q.length >= 2 });
  const pick = (title: string, url: string) => {
    onInsert(`[${title.replace(/[[\]]/g, "")}](${url})`);
    setOpen(false);
    setText("");
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="kb-picker-trigger"><BookOpen className="size-4" aria-hidden /> {t("button")}</Button>
      </DialogTrigger>
      <DialogContent size="md" closeLabel={tc("actions.close")} aria-describedby={undefined} onCloseAutoFocus={(e) => e.preventDefault()}>
        <DialogHeader><DialogTitle>{t("title")}</DialogTitle></DialogHeader>
        <DialogBody className="space-y-3">
          <label className="sr-only" htmlFor="kb-picker-q">{t("searchLabel")}</label>
          <Input id="kb-picker-q" type="search" autoFocus value={text} placeholder={t("searchPlaceholder")} onChange={(e) => setText(e.target.value)} data-testid="kb-picker-search" />
          <ul className="max-h-80 space-y-1 overflow-y-auto">
            {q.length >= 2 && res.data?.items.length === 0 && <li className="px-2 py-3 text-sm text-ink-subtle">{t("empty")}</li>}
            {res.data?.items.map((a) => (
              <li key={a.id}>
                <button type="button" onClick={() => pick(a.title, a.url)} className="flex w-full flex-col items-start gap-0.5 rounded-md px-2 py-2 text-left hover:bg-subtle focus-visible:bg-subtle" data-testid="kb-picker-item">
                  <span className="flex items-center gap-2 text-sm font-medium text-ink">
                    {a.title}
                    {"visibility" in a && a.visibility === "STAFF" && <Badge variant="warning">{t("internal")}</Badge>}
                  </span>
                  <span className="line-clamp-1 text-xs text-ink-muted">{a.snippet.map((s) => s.text).join("")}</span>
                </button>
              </li>
            ))}
          </ul>
        </DialogBody>
      </DialogContent>
    </Dialog>
  );
}
