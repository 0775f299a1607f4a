import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { pickName } from "@/server/domain/kb/language";
import { ArticleEditor } from "../_components/article-editor";
import { RevisionList } from "../_components/revision-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("kb.editor"))("editTitle") };
}

export default async function EditKbArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requireStaff(`/staff/kb/${raw}`);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const t = await getTranslations("kb.editor");
  const lang = (await getLocale()) === "en" ? "en" : "ru";
  const api = await caller();
  const article = await api.kb.get({ id }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [categories, revisions] = await Promise.all([api.kb.categories(), api.kb.revisions({ articleId: id })]);
  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href="/staff/kb" className="hover:underline">{t("back")}</Link>} title={pickName({ nameRu: article.titleRu, nameEn: article.titleEn }, lang) || t("editTitle")} />
      <ArticleEditor key={article.version} article={article} defaultLang={article.titleRu && article.titleEn ? lang : article.titleEn ? "en" : "ru"} categories={categories.map((c) => ({ id: c.id, parentId: c.parentId, name: pickName(c, lang) }))} />
      <div className="max-w-3xl"><RevisionList revisions={revisions} /></div>
    </div>
  );
}
