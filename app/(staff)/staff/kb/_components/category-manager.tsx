"use client";
// Admins: help-centre categories — add, rename, move under a topic (one level), delete empty.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Folder, Plus, Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { useKbErrorText } from "./use-kb-error-text";

export type CategoryRow = { id: number; parentId: number | null; slug: string; nameRu: string; nameEn: string; descriptionRu: string; descriptionEn: string; articles: number };
type Draft = Omit<CategoryRow, "id" | "articles">;
const blank: Draft = { parentId: null, slug: "", nameRu: "", nameEn: "", descriptionRu: "", descriptionEn: "" };

function CategoryForm({ initial, tops, onSave, onDelete, busy, testId }: { initial: Draft; tops: CategoryRow[]; onSave: (d: Draft) => void; onDelete?: () => void; busy: boolean; testId: string }) {
  const t = useTranslations("kb.categories");
  const [d, setD] = useState(initial);
  const set = (k: keyof Draft, v: string | number | null) => setD((x) => ({ ...x, [k]: v }));
  return (
    <form className="grid gap-3 sm:grid-cols-2" onSubmit={(e) => { e.preventDefault(); onSave(d); }} data-testid={testId}>
      <Field label={t("nameRu")}><Input value={d.nameRu} maxLength={120} onChange={(e) => set("nameRu", e.target.value)} lang="ru" /></Field>
      <Field label={t("nameEn")}><Input value={d.nameEn} maxLength={120} onChange={(e) => set("nameEn", e.target.value)} lang="en" /></Field>
      <Field label={t("descriptionRu")}><Input value={d.descriptionRu} maxLength={500} onChange={(e) => set("descriptionRu", e.target.value)} lang="ru" /></Field>
      <Field label={t("descriptionEn")}><Input value={d.descriptionEn} maxLength={500} onChange={(e) => set("descriptionEn", e.target.value)} lang="en" /></Field>
      <Field label={t("parent")}>
        <Select value={d.parentId ?? ""} onChange={(e) => set("parentId", e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t("topLevel")}</option>
          {tops.map((c) => <option key={c.id} value={c.id}>{c.nameRu || c.nameEn}</option>)}
        </Select>
      </Field>
      <Field label={t("slug")}><Input value={d.slug} maxLength={100} onChange={(e) => set("slug", e.target.value)} spellCheck={false} /></Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" loading={busy}>{initial.nameRu || initial.nameEn ? t("save") : <><Plus className="size-4" aria-hidden />{t("add")}</>}</Button>
        {onDelete && <Button size="sm" variant="ghost" className="ml-auto text-danger-700" onClick={onDelete}><Trash2 className="size-4" aria-hidden />{t("delete")}</Button>}
      </div>
    </form>
  );
}

export function CategoryManager({ rows }: { rows: CategoryRow[] }) {
  const t = useTranslations("kb.categories");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errorText = useKbErrorText();
  const [formKey, setFormKey] = useState(0);
  const ok = () => { toast({ title: t("saved"), variant: "success" }); router.refresh(); };
  const failed = (e: unknown) => toast({ title: errorText(e), variant: "danger" });
  const create = useMutation(trpc.kb.createCategory.mutationOptions({ onSuccess: () => { ok(); setFormKey((k) => k + 1); }, onError: failed }));
  const update = useMutation(trpc.kb.updateCategory.mutationOptions({ onSuccess: ok, onError: failed }));
  const remove = useMutation(trpc.kb.deleteCategory.mutationOptions({ onSuccess: ok, onError: failed }));
  const tops = rows.filter((r) => r.parentId === null);
  const ordered = tops.flatMap((c) => [c, ...rows.filter((r) => r.parentId === c.id)]);
  const clean = (d: Draft) => ({ ...d, slug: d.slug.trim() || undefined });
  return (
    <div className="space-y-4">
      <Card><CardContent className="pt-5 pb-5"><CategoryForm key={formKey} initial={blank} tops={tops} busy={create.isPending} onSave={(d) => create.mutate(clean(d))} testId="kb-category-new" /></CardContent></Card>
      {ordered.length === 0 && <p className="text-sm text-ink-muted">{t("empty")}</p>}
      {ordered.map((c) => (
        <Card key={c.id} className={c.parentId ? "ml-6" : undefined}>
          <CardContent className="space-y-3 pt-4 pb-5">
            <p className="flex items-center gap-2 text-sm font-semibold text-ink"><Folder className="size-4 text-primary-600" aria-hidden />{c.nameRu || c.nameEn} <span className="font-normal text-ink-subtle">/{c.slug} · {t("articles", { count: c.articles })}</span></p>
            <CategoryForm initial={c} tops={tops.filter((x) => x.id !== c.id)} busy={update.isPending && update.variables?.id === c.id} testId={`kb-category-${c.slug}`}
              onSave={(d) => update.mutate({ id: c.id, ...clean(d) })} onDelete={() => remove.mutate({ id: c.id })} />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
