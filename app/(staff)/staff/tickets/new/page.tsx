// /staff/tickets/new: a ticket opened by staff for a customer (phone call, walk-in; issue 15.5).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { pickerCategories } from "@/app/_lib/category-options";
import { requireStaff } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { StaffNewTicketForm } from "./staff-new-ticket-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ticket-actions.new"))("title") };
}

export default async function StaffNewTicketPage() {
  await requireStaff("/staff/tickets/new");
  const [t, tt, api] = [await getTranslations("ticket-actions.new"), await getTranslations("staff.ticket"), await caller()];
  const settings = await api.ticket.staffSettings();
  const categories = await api.category.list();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/staff" className="inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink"><ArrowLeft className="size-4" aria-hidden /> {tt("back")}</Link>
      <PageHeader title={t("title")} description={t("description")} />
      <StaffNewTicketForm
        categories={pickerCategories(categories)}
        uploads={settings.uploads}
      />
    </div>
  );
}
