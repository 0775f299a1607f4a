import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { categoryOptions } from "@/app/_lib/category-options";
import { AdminNav } from "../../_admin/admin-nav";
import { CustomFieldsManager } from "./custom-fields-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fields.custom"))("title") };
}

export default async function CustomFieldsPage() {
  await requireAdmin("/staff/settings/custom-fields");
  const [t, locale, api] = [await getTranslations("fields.custom"), await getLocale(), await caller()];
  const [fields, categories] = await Promise.all([api.customField.list(), api.category.list()]);
  return (
    <div className="mx-auto max-w-5xl">
      <AdminNav active="customFields" />
      <CustomFieldsManager fields={fields} categories={categoryOptions(categories, locale)} header={<PageHeader title={t("title")} description={t("description")} className="mb-0" />} />
    </div>
  );
}
