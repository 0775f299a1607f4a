import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { AdminNav } from "../../_admin/admin-nav";
import { TeamsManager } from "./teams-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.teams"))("title") };
}

export default async function TeamsPage() {
  await requireAdmin("/staff/settings/teams");
  const t = await getTranslations("admin.teams");
  const api = await caller();
  const [teams, categories, staff] = await Promise.all([api.team.list(), api.category.list({ includeArchived: false }), api.user.assignable()]);
  const linked = new Set(teams.flatMap((x) => x.categories.map((c) => c.id)));
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="teams" />
      <TeamsManager
        teams={teams}
        categories={categories.map((c) => ({ id: c.id, name: c.name, open: !linked.has(c.id) }))}
        staff={staff.map((s) => ({ id: s.id, name: s.name, email: s.email }))}
        header={<PageHeader className="mb-0" title={t("title")} description={t("description")} />}
      />
    </div>
  );
}
