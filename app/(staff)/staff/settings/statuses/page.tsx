import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { AdminNav } from "../../_admin/admin-nav";
import { StatusesManager } from "./statuses-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.statuses"))("title") };
}

export default async function StatusesPage() {
  await requireAdmin("/staff/settings/statuses");
  const t = await getTranslations("admin.statuses");
  const statuses = await (await caller()).status.list();
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="statuses" />
      <StatusesManager statuses={statuses} header={<PageHeader title={t("title")} description={t("description")} className="mb-0" />} />
    </div>
  );
}
