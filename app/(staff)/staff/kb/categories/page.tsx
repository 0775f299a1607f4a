import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { CategoryManager } from "../_components/category-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("kb.categories"))("title") };
}

export default async function KbCategoriesPage() {
  await requireAdmin("/staff/kb/categories");
  const t = await getTranslations("kb");
  const rows = await (await caller()).kb.categories();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader eyebrow={<Link href="/staff/kb" className="hover:underline">{t("editor.back")}</Link>} title={t("categories.title")} description={t("categories.description")} />
      <CategoryManager rows={rows.map((c) => ({ id: c.id, parentId: c.parentId, slug: c.slug, nameRu: c.nameRu, nameEn: c.nameEn, descriptionRu: c.descriptionRu, descriptionEn: c.descriptionEn, articles: c._count.articles }))} />
    </div>
  );
}
