"use client";
// A Markdown textarea with a Write / Preview switch. The preview is rendered by the server
// (ticket.previewMarkdown) with the same sanitizer as the thread, so it shows exactly what
// will be stored and nothing a script could hide in it. Anonymous visitors get no preview tab:
// the server renders previews only for signed-in users and guest-link holders.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Textarea } from "@/app/_components/ui/textarea";
import { Spinner } from "@/app/_components/ui/spinner";
import { useTRPC } from "@/app/_trpc/client";
import { cn } from "@/app/_lib/cn";

type Props = { id?: string; name: string; value: string; onChange: (v: string) => void; rows?: number; placeholder?: string; preview?: boolean; "aria-invalid"?: unknown; "aria-describedby"?: string };

export function MarkdownField({ id, name, value, onChange, rows = 8, placeholder, preview: canPreview = true, ...aria }: Props) {
  const t = useTranslations("portal.new");
  const trpc = useTRPC();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const preview = useQuery({ ...trpc.ticket.previewMarkdown.queryOptions({ body: value }), enabled: canPreview && tab === "preview" && value.trim() !== "" });
  const tabClass = (on: boolean) => cn("rounded-md px-3 py-1 text-sm font-medium transition-colors", on ? "bg-surface text-ink shadow-xs" : "text-ink-muted hover:text-ink");
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface focus-within:border-primary-400">
      <div className="flex items-center gap-1 border-b border-line bg-subtle/60 p-1" role="tablist">
        <button type="button" role="tab" aria-selected={tab === "write"} className={tabClass(tab === "write")} onClick={() => setTab("write")}>{t("write")}</button>
        {canPreview && <button type="button" role="tab" aria-selected={tab === "preview"} className={tabClass(tab === "preview")} onClick={() => setTab("preview")} data-testid="preview-tab">{t("preview")}</button>}
      </div>
      {tab === "write" ? (
        <Textarea
          id={id}
          name={name}
          rows={rows}
          value={value}
          placeholder={placeholder}
          aria-invalid={aria["aria-invalid"] ? true : undefined}
          aria-describedby={aria["aria-describedby"]}
          onChange={(e) => onChange(e.target.value)}
          className="rounded-none border-0 shadow-none focus-visible:ring-0"
        />
      ) : (
        <div className="min-h-40 px-3 py-2" data-testid="markdown-preview" role="tabpanel">
          {value.trim() === "" ? (
            <p className="text-sm text-ink-subtle">{t("previewEmpty")}</p>
          ) : preview.data ? (
            // sanitized on the server (server/services/content/markdown.ts)
            <div className="prose-message" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
          ) : (
            <Spinner size="sm" />
          )}
        </div>
      )}
    </div>
  );
}
