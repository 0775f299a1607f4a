import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { isAdmin } from "@/server/domain/actor";
import { AdminNav } from "../../_admin/admin-nav";
import { CannedManager } from "./canned-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.canned"))("title") };
}

// Canned replies are shared by the whole team: every staff member may maintain them.
export default async function CannedRepliesPage() {
  const actor = await requireStaff("/staff/settings/canned-replies");
  const t = await getTranslations("admin.canned");
  const items = await (await caller()).cannedReply.list();
  return (
    <div className="mx-auto max-w-4xl">
      {isAdmin(actor) && <AdminNav active="cannedReplies" />}
      <CannedManager
        items={items.map((c) => ({ id: c.id, title: c.title, body: c.body }))}
        header={<PageHeader className="mb-0" title={t("title")} description={t("description", { placeholders: "{{customer.name}}, {{ticket.number}}, {{agent.name}}" })} />}
      />
    </div>
  );
}
