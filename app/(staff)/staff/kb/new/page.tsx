import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { pickName } from "@/server/domain/kb/language";
import { ArticleEditor } from "../_components/article-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("kb.editor"))("newTitle") };
}

export default async function NewKbArticlePage() {
  await requireStaff("/staff/kb/new");
  const t = await getTranslations("kb.editor");
  const lang = (await getLocale()) === "en" ? "en" : "ru";
  const categories = await (await caller()).kb.categories();
  return (
    <div>
      <PageHeader eyebrow={<Link href="/staff/kb" className="hover:underline">{t("back")}</Link>} title={t("newTitle")} />
      <ArticleEditor article={null} defaultLang={lang} categories={categories.map((c) => ({ id: c.id, parentId: c.parentId, name: pickName(c, lang) }))} />
    </div>
  );
}
