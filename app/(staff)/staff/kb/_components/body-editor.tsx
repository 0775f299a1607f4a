"use client";
// One language version of an article: title, Markdown text with Write / Preview (rendered by
// the server with the same renderer the help centre uses) and image upload into the text.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { ImagePlus } from "lucide-react";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { Button } from "@/app/_components/ui/button";
import { Spinner } from "@/app/_components/ui/spinner";
import { useTRPC } from "@/app/_trpc/client";
import { cn } from "@/app/_lib/cn";

type Props = { lang: "ru" | "en"; faq: boolean; title: string; body: string; onTitle: (v: string) => void; onBody: (v: string) => void; onError: (e: unknown) => void };

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function BodyEditor({ lang, faq, title, body, onTitle, onBody, onError }: Props) {
  const t = useTranslations("kb.editor");
  const trpc = useTRPC();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const area = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const preview = useMutation(trpc.kb.preview.mutationOptions());
  const upload = useMutation(trpc.kb.uploadImage.mutationOptions({
    onSuccess: (r) => {
      const el = area.current;
      const at = el?.selectionStart ?? body.length;
      onBody(`${body.slice(0, at)}\n${r.markdown}\n${body.slice(at)}`);
    },
    onError,
  }));
  const show = (next: "write" | "preview") => {
    setTab(next);
    if (next === "preview" && body.trim()) preview.mutate({ body });
  };
  const tabClass = (on: boolean) => cn("rounded-md px-3 py-1 text-sm font-medium transition-colors", on ? "bg-surface text-ink shadow-xs" : "text-ink-muted hover:text-ink");
  return (
    <div className="space-y-4">
      <Field label={faq ? t("titleFaq") : t("title")}>
        <Input name={`title-${lang}`} value={title} maxLength={200} onChange={(e) => onTitle(e.target.value)} lang={lang} data-testid={`kb-title-${lang}`} className="text-base font-medium" />
      </Field>
      <div>
        <p className="mb-1.5 text-sm font-medium text-ink" id={`kb-body-label-${lang}`}>{faq ? t("bodyFaq") : t("body")}</p>
        <div className="overflow-hidden rounded-lg border border-line-strong bg-surface focus-within:border-primary-500">
          <div className="flex items-center gap-1 border-b border-line bg-subtle/60 p-1">
            <div role="tablist" aria-labelledby={`kb-body-label-${lang}`} className="flex gap-1">
              <button type="button" role="tab" aria-selected={tab === "write"} className={tabClass(tab === "write")} onClick={() => show("write")}>{t("write")}</button>
              <button type="button" role="tab" aria-selected={tab === "preview"} className={tabClass(tab === "preview")} onClick={() => show("preview")} data-testid={`kb-preview-${lang}`}>{t("preview")}</button>
            </div>
            <Button variant="ghost" size="sm" className="ml-auto" loading={upload.isPending} onClick={() => file.current?.click()} disabled={tab !== "write"}>
              <ImagePlus className="size-4" aria-hidden /> {upload.isPending ? t("uploading") : t("insertImage")}
            </Button>
            <input ref={file} type="file" accept="image/png,image/jpeg,image/gif,image/webp" className="hidden" tabIndex={-1} aria-hidden="true"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = "";
                if (f) upload.mutate({ fileName: f.name, contentBase64: await toBase64(f) });
              }} />
          </div>
          {tab === "write" ? (
            <Textarea ref={area} aria-labelledby={`kb-body-label-${lang}`} aria-describedby={`kb-body-hint-${lang}`} rows={18} autoGrow value={body} lang={lang}
              onChange={(e) => onBody(e.target.value)} className="min-h-72 rounded-none border-0 font-mono text-sm shadow-none focus-visible:ring-0" data-testid={`kb-body-${lang}`} />
          ) : (
            <div className="min-h-72 px-4 py-3" role="tabpanel" data-testid={`kb-preview-pane-${lang}`} lang={lang}>
              {!body.trim() ? <p className="text-sm text-ink-subtle">{t("previewEmpty")}</p> : preview.data ? (
                // sanitized on the server (server/services/kb/render-article.ts)
                <div className="prose-message" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
              ) : <Spinner size="sm" />}
            </div>
          )}
        </div>
        <p id={`kb-body-hint-${lang}`} className="mt-1.5 text-xs text-ink-muted">{t("bodyHint")}</p>
      </div>
    </div>
  );
}
