"use client";
// Edits one template (key × language) with a live preview: the server renders the unsaved text
// with sample values (mailTemplate.preview) and the HTML is shown in a sandboxed iframe.
import { useState } from "react";
import { useDebounced } from "@/app/_lib/use-debounced";
import { useMutation, useQuery, keepPreviousData } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Tabs, TabsList, TabsTrigger, TabsContent } from "@/app/_components/ui/tabs";
import { useTRPC } from "@/app/_trpc/client";
import type { TemplateText } from "@/server/mail/outbound/templates/catalog";
import type { TemplateKey, TemplateLocale } from "@/server/domain/mail/template-keys";

type Problem = { field: string; reason: string; detail: string };

export function TemplateEditor({ tKey, locale, initial, overridden, placeholders }: { tKey: TemplateKey; locale: TemplateLocale; initial: TemplateText; overridden: boolean; placeholders: string[] }) {
  const t = useTranslations("outbound.templates");
  const trpc = useTRPC();
  const router = useRouter();
  const [tpl, setTpl] = useState<TemplateText>(initial);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [saveProblems, setSaveProblems] = useState<Problem[]>([]);
  const debounced = useDebounced(tpl, 300);
  const preview = useQuery({ ...trpc.mailTemplate.preview.queryOptions({ key: tKey, locale, ...debounced }), placeholderData: keepPreviousData });
  const problems: Problem[] = preview.data?.problems ?? saveProblems;
  const fieldLabel = (f: string) => t(f === "subject" ? "subject" : f === "text" ? "text" : "html");
  const problemText = (p: Problem) => t(`problem.${p.reason}` as never, { field: fieldLabel(p.field), detail: p.detail, close: "{{/if}}" } as never);

  const save = useMutation(
    trpc.mailTemplate.save.mutationOptions({
      onSuccess: () => {
        setMsg({ ok: true, text: t("saved") });
        setSaveProblems([]);
        router.refresh();
      },
      onError: (e) => {
        const details = (e as { data?: { details?: { problems?: Problem[] } | null } }).data?.details;
        setSaveProblems(details?.problems ?? []);
        setMsg({ ok: false, text: t("broken") });
      },
    }),
  );
  const reset = useMutation(
    trpc.mailTemplate.reset.mutationOptions({
      onSuccess: () => {
        setMsg({ ok: true, text: t("resetDone") });
        router.refresh();
      },
    }),
  );
  const up = (k: keyof TemplateText, v: string) => {
    setMsg(null);
    setTpl((x) => ({ ...x, [k]: v }));
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="space-y-4"
        data-testid="template-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ key: tKey, locale, ...tpl });
        }}
      >
        <div className="flex items-center gap-2">
          <h2 className="text-lg font-semibold">{t(`keys.${tKey.replace(".", "_")}` as never)}</h2>
          <Badge variant={overridden ? "info" : "neutral"}>{overridden ? t("overridden") : t("default")}</Badge>
        </div>
        <Field label={t("subject")}>
          <Input name="subject" value={tpl.subject} onChange={(e) => up("subject", e.target.value)} />
        </Field>
        <Field label={t("text")}>
          <Textarea name="text" rows={12} className="font-mono text-sm" value={tpl.text} onChange={(e) => up("text", e.target.value)} />
        </Field>
        <Field label={t("html")} hint={t("htmlHint")}>
          <Textarea name="html" rows={10} className="font-mono text-sm" value={tpl.html} onChange={(e) => up("html", e.target.value)} />
        </Field>
        <div className="text-sm text-ink-muted">
          <p className="font-medium text-ink">{t("placeholders")}</p>
          <p className="mt-1 flex flex-wrap gap-1">
            {placeholders.map((p) => <code key={p} className="rounded bg-subtle px-1.5 py-0.5 text-xs">{`{{${p}}}`}</code>)}
          </p>
          <p className="mt-1">{t("placeholdersHint", { example: "{{#if rating.link}} … {{/if}}" })}</p>
        </div>
        {problems.length > 0 && (
          <Alert variant="danger" title={t("broken")} data-testid="template-problems">
            <ul className="list-disc pl-5">{problems.map((p, i) => <li key={i}>{problemText(p)}</li>)}</ul>
          </Alert>
        )}
        {msg && problems.length === 0 && <Alert variant={msg.ok ? "success" : "danger"}>{msg.text}</Alert>}
        <div className="flex gap-2">
          <Button type="submit" loading={save.isPending} disabled={problems.length > 0}>{t("save")}</Button>
          {overridden && <Button variant="outline" loading={reset.isPending} onClick={() => reset.mutate({ key: tKey, locale })}>{t("reset")}</Button>}
        </div>
      </form>

      <Card className="self-start">
        <CardHeader><CardTitle>{t("preview")}</CardTitle></CardHeader>
        <CardContent className="space-y-3">
          <p className="font-medium" data-testid="preview-subject">{preview.data?.mail?.subject ?? "…"}</p>
          <Tabs defaultValue="html">
            <TabsList aria-label={t("preview")}>
              <TabsTrigger value="html">{t("previewHtml")}</TabsTrigger>
              <TabsTrigger value="text">{t("previewText")}</TabsTrigger>
            </TabsList>
            <TabsContent value="html">
              <iframe title={t("previewFrame")} sandbox="" srcDoc={preview.data?.mail?.html ?? ""} className="h-[32rem] w-full rounded-md border border-line bg-white" data-testid="preview-frame" />
            </TabsContent>
            <TabsContent value="text">
              <pre className="max-h-[32rem] overflow-auto rounded-md border border-line bg-subtle p-3 text-sm whitespace-pre-wrap">{preview.data?.mail?.text ?? ""}</pre>
            </TabsContent>
          </Tabs>
        </CardContent>
      </Card>
    </div>
  );
}
