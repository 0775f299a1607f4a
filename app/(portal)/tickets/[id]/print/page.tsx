// /tickets/[id]/print: the customer's print view (the customer's DTO carries no internal notes).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/app/_lib/actor";
import { loadTicketForPage } from "@/app/_lib/ticket-page";
import { TicketPrint } from "@/app/_components/ticket-print";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `#${(await params).id}`, robots: { index: false } };
}

export default async function TicketPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?next=/tickets/${encodeURIComponent(id)}/print`);
  return <TicketPrint ticket={await loadTicketForPage(id)} staff={false} />;
}
