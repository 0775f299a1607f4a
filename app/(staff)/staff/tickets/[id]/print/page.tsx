// /staff/tickets/[id]/print: the staff print view (internal notes included).
import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/require";
import { loadTicketForPage } from "@/app/_lib/ticket-page";
import { TicketPrint } from "@/app/_components/ticket-print";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `#${(await params).id}`, robots: { index: false } };
}

export default async function StaffTicketPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff(`/staff/tickets/${id}/print`);
  return <TicketPrint ticket={await loadTicketForPage(id)} staff />;
}
