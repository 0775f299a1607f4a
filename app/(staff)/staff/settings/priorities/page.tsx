import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { AdminNav } from "../../_admin/admin-nav";
import { PrioritiesManager } from "./priorities-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fields.priorities"))("title") };
}

export default async function PrioritiesPage() {
  await requireAdmin("/staff/settings/priorities");
  const t = await getTranslations("fields.priorities");
  const priorities = await (await caller()).priority.list();
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="priorities" />
      <PrioritiesManager priorities={priorities} header={<PageHeader title={t("title")} description={t("description")} className="mb-0" />} />
    </div>
  );
}
