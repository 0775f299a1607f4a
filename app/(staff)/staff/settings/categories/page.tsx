import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { AdminNav } from "../../_admin/admin-nav";
import { CategoriesManager } from "./categories-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.categories"))("title") };
}

export default async function CategoriesPage() {
  await requireAdmin("/staff/settings/categories");
  const t = await getTranslations("admin.categories");
  const api = await caller();
  const [categories, agents] = await Promise.all([api.category.list({ includeArchived: true }), api.user.assignable()]);
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="categories" />
      <CategoriesManager categories={categories} agents={agents.map((a) => ({ id: a.id, label: a.name }))} header={<PageHeader className="mb-0" title={t("title")} description={t("description")} />} />
    </div>
  );
}
