// Server part of the ticket's priority and custom fields card: loads the pickers' data so the
// ticket page itself only places the card (issue 15).
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { localName } from "@/app/_components/status-badge";
import { caller } from "@/app/_trpc/server";
import { fieldsForCategory, type FieldValues } from "@/server/domain/tickets/custom-fields";
import { TicketFieldsCard } from "./ticket-fields-card";

export async function TicketFieldsSection({ ticket }: { ticket: { id: number; priority: { id: number }; category: { id: number }; customFields: FieldValues } }) {
  const [t, locale, api] = [await getTranslations("fields.ticket"), await getLocale(), await caller()];
  const [priorities, defs, categories] = await Promise.all([api.meta.priorities(), api.meta.customFields(), api.meta.categories()]);
  const parentId = categories.find((c) => c.id === ticket.category.id)?.parentId ?? null;
  return (
    <Card>
      <CardHeader><CardTitle as="h2">{t("title")}</CardTitle></CardHeader>
      <CardContent>
        <TicketFieldsCard
          ticketId={ticket.id}
          priorityId={ticket.priority.id}
          priorities={[...priorities].reverse().map((p) => ({ id: p.id, label: localName(p.name, locale) }))}
          defs={fieldsForCategory(defs, ticket.category.id, parentId)}
          values={ticket.customFields}
        />
      </CardContent>
    </Card>
  );
}
