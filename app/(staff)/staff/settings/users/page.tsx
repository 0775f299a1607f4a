import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { AdminNav } from "../../_admin/admin-nav";
import { UsersManager } from "./users-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function UsersPage() {
  const actor = await requireAdmin("/staff/settings/users");
  const t = await getTranslations("admin.users");
  const users = await (await caller()).user.list();
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="users" />
      <UsersManager meId={actor.userId} users={users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, isActive: u.isActive }))} header={<PageHeader className="mb-0" title={t("title")} description={t("description")} />} />
    </div>
  );
}
