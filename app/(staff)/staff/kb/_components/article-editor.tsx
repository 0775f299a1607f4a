"use client";
// The article editor: both language versions in tabs, settings beside them, save with the
// version the editor loaded (a concurrent save is refused, not overwritten), delete.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { ExternalLink, Save, Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Switch } from "@/app/_components/ui/switch";
import { Tabs, TabsList, TabsTrigger, TabsContent } from "@/app/_components/ui/tabs";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { useKbErrorText } from "./use-kb-error-text";
import { BodyEditor } from "./body-editor";

export type EditorArticle = {
  id: number; version: number; slug: string; categoryId: number; kind: "ARTICLE" | "FAQ"; visibility: "PUBLIC" | "CUSTOMERS" | "STAFF";
  isPublished: boolean; titleRu: string; bodyRu: string; titleEn: string; bodyEn: string; sortOrder: number;
};
type Category = { id: number; name: string; parentId: number | null };

export function ArticleEditor({ article, categories, defaultLang }: { article: EditorArticle | null; categories: Category[]; defaultLang: "ru" | "en" }) {
  const t = useTranslations("kb");
  const router = useRouter();
  const trpc = useTRPC();
  const { toast } = useToast();
  const errorText = useKbErrorText();
  const [f, setF] = useState(() => article ?? { id: 0, version: 0, slug: "", categoryId: categories[0]?.id ?? 0, kind: "ARTICLE" as const, visibility: "PUBLIC" as const, isPublished: false, titleRu: "", bodyRu: "", titleEn: "", bodyEn: "", sortOrder: 0 });
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((x) => ({ ...x, [k]: v }));
  const failed = (e: unknown) => toast({ title: errorText(e), variant: "danger" });
  const create = useMutation(trpc.kb.create.mutationOptions({ onSuccess: (r) => { toast({ title: t("editor.saved"), variant: "success" }); router.push(`/staff/kb/${r.id}`); }, onError: failed }));
  const update = useMutation(trpc.kb.update.mutationOptions({ onSuccess: (r) => { setF((x) => ({ ...x, version: r.version, slug: r.slug })); toast({ title: t("editor.saved"), variant: "success" }); router.refresh(); }, onError: failed }));
  const remove = useMutation(trpc.kb.delete.mutationOptions({ onSuccess: () => { toast({ title: t("editor.deleted"), variant: "success" }); router.push("/staff/kb"); }, onError: failed }));
  const fields = { categoryId: f.categoryId, slug: f.slug.trim() || undefined, kind: f.kind, visibility: f.visibility, isPublished: f.isPublished, titleRu: f.titleRu, bodyRu: f.bodyRu, titleEn: f.titleEn, bodyEn: f.bodyEn, sortOrder: f.sortOrder };
  const save = () => (article ? update.mutate({ id: article.id, version: f.version, ...fields }) : create.mutate(fields));
  const faq = f.kind === "FAQ";

  return (
    <form className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]" onSubmit={(e) => { e.preventDefault(); save(); }} data-testid="kb-editor">
      <Card>
        <CardContent className="pt-4">
          <Tabs defaultValue={defaultLang}>
            <TabsList aria-label={t("editor.language")}>
              <TabsTrigger value="ru" data-testid="kb-tab-ru">Русский{f.titleRu.trim() ? "" : " ·"}</TabsTrigger>
              <TabsTrigger value="en" data-testid="kb-tab-en">English{f.titleEn.trim() ? "" : " ·"}</TabsTrigger>
            </TabsList>
            {(["ru", "en"] as const).map((l) => (
              <TabsContent key={l} value={l} forceMount className="data-[state=inactive]:hidden">
                <BodyEditor lang={l} faq={faq} title={l === "ru" ? f.titleRu : f.titleEn} body={l === "ru" ? f.bodyRu : f.bodyEn}
                  onTitle={(v) => set(l === "ru" ? "titleRu" : "titleEn", v)} onBody={(v) => set(l === "ru" ? "bodyRu" : "bodyEn", v)} onError={failed} />
              </TabsContent>
            ))}
          </Tabs>
        </CardContent>
      </Card>
      <div className="space-y-4">
        <Card>
          <CardHeader><CardTitle as="h2">{t("editor.settings")}</CardTitle></CardHeader>
          <CardContent className="space-y-4 pt-4 pb-5">
            <Field label={t("editor.category")} hint={categories.length ? undefined : t("editor.noCategories")}>
              <Select value={f.categoryId} onChange={(e) => set("categoryId", Number(e.target.value))} data-testid="kb-category">
                {categories.map((c) => <option key={c.id} value={c.id}>{c.parentId ? "— " : ""}{c.name}</option>)}
              </Select>
            </Field>
            <Field label={t("editor.kind")}>
              <Select value={f.kind} onChange={(e) => set("kind", e.target.value as typeof f.kind)} data-testid="kb-kind">
                <option value="ARTICLE">{t("kind.ARTICLE")}</option>
                <option value="FAQ">{t("kind.FAQ")}</option>
              </Select>
            </Field>
            <Field label={t("editor.visibility")}>
              <Select value={f.visibility} onChange={(e) => set("visibility", e.target.value as typeof f.visibility)} data-testid="kb-visibility">
                {(["PUBLIC", "CUSTOMERS", "STAFF"] as const).map((v) => <option key={v} value={v}>{t(`visibility.${v}`)}</option>)}
              </Select>
            </Field>
            <Switch checked={f.isPublished} onCheckedChange={(v) => set("isPublished", v)} label={t("editor.published")} description={t("editor.publishedHint")} data-testid="kb-published" />
            <Field label={t("editor.slug")} hint={t("editor.slugHint")}>
              <Input value={f.slug} maxLength={100} onChange={(e) => set("slug", e.target.value)} spellCheck={false} data-testid="kb-slug" />
            </Field>
            <Field label={t("editor.sortOrder")}>
              <Input type="number" value={f.sortOrder} min={-10000} max={10000} onChange={(e) => set("sortOrder", Number(e.target.value) || 0)} />
            </Field>
          </CardContent>
        </Card>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={create.isPending || update.isPending} disabled={!categories.length} data-testid="kb-save"><Save className="size-4" aria-hidden />{t("editor.save")}</Button>
          {article && <Button asChild variant="outline"><Link href={`/kb/articles/${f.slug}`} target="_blank"><ExternalLink className="size-4" aria-hidden />{t("editor.view")}</Link></Button>}
          {article && (
            <Button variant="ghost" className="ml-auto text-danger-700" loading={remove.isPending} onClick={() => { if (window.confirm(t("editor.deleteConfirm"))) remove.mutate({ id: article.id }); }}>
              <Trash2 className="size-4" aria-hidden />{t("editor.delete")}
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
