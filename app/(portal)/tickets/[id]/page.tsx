import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Link2, Printer, Star } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent } from "@/app/_components/ui/card";
import { StatusBadge, localName } from "@/app/_components/status-badge";
import { TicketThread } from "@/app/_components/ticket-thread";
import { getActor } from "@/app/_lib/actor";
import { loadTicketForPage } from "@/app/_lib/ticket-page";
import { caller } from "@/app/_trpc/server";
import { EditTicketDialog } from "./edit-ticket-dialog";
import { pickerCategories } from "@/app/_lib/category-options";
import { RatingForm } from "./rating-form";
import { PortalReplyForm } from "./portal-reply-form";
import { PortalFieldsForm } from "./portal-fields-form";
import { PriorityBadge } from "@/app/_components/priority-badge";
import { fieldsForCategory } from "@/server/domain/tickets/custom-fields";
import { CcList } from "@/app/_components/cc-list";
import { MergedBanner } from "@/app/_components/merged-banner";

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?next=/tickets/${encodeURIComponent(id)}`);
  const ticket = await loadTicketForPage(id);
  const api = await caller();
  const ta = await getTranslations("ticket-actions");
  const [t, te, locale, format, portal] = [await getTranslations("portal.ticket"), await getTranslations("errors"), await getLocale(), await getFormatter(), await api.meta.portal()];
  const p = ticket.permissions;
  const [categories, fieldDefs] = await Promise.all([api.meta.categories(), api.meta.customFields()]);
  const parentId = categories.find((c) => c.id === ticket.category.id)?.parentId ?? null;
  const uploads = p.canUpload ? { maxMb: portal.maxUploadMb, allowedFileTypes: portal.allowedFileTypes } : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {actor.kind === "guest" && (
        <Alert variant="info" icon={<Link2 aria-hidden />} title={t("guestBanner")} data-testid="guest-banner">{t("guestSetPassword")}</Alert>
      )}
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-2">
          <p className="font-mono text-sm text-ink-subtle">{t("number", { number: ticket.number })}</p>
          <h1 className="text-2xl font-semibold tracking-tight break-words text-ink" data-testid="ticket-title">{ticket.title}</h1>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-muted">
            <StatusBadge status={ticket.status} locale={locale} />
            <PriorityBadge priority={ticket.priority} locale={locale} />
            <span>{localName(ticket.category.name, locale)}</span>
            <span aria-hidden>·</span>
            <span>{t("opened", { date: format.dateTime(ticket.createdAt, { dateStyle: "medium" }) })}</span>
            {ticket.closedAt && (
              <>
                <span aria-hidden>·</span>
                <span>{t("closedAt", { date: format.dateTime(ticket.closedAt, { dateStyle: "medium" }) })}</span>
              </>
            )}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {actor.kind === "user" && (
            <Link href={`/tickets/${ticket.id}/print`} target="_blank" className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-ink-muted hover:bg-subtle hover:text-ink" data-testid="print-link"><Printer className="size-4" aria-hidden /> {ta("print.link")}</Link>
          )}
          {p.canEdit && !p.isStaff && <EditTicketDialog ticket={{ id: ticket.id, title: ticket.title, body: ticket.body, categoryId: ticket.category.id, customFields: ticket.customFields }} categories={pickerCategories(categories)} fields={fieldDefs} />}
        </div>
      </header>
      <PortalFieldsForm ticketId={ticket.id} defs={fieldsForCategory(fieldDefs, ticket.category.id, parentId)} values={ticket.customFields} canEdit={p.canEdit && !p.isStaff} />
      {ticket.mergedInto && <MergedBanner mergedInto={ticket.mergedInto} href={ticket.mergedInto.title && actor.kind === "user" ? `/tickets/${ticket.mergedInto.id}` : null} />}
      <TicketThread ticket={ticket} />
      {(ticket.participants.length > 0 || ticket.actions.canAddCc) && !p.isStaff && (
        <Card data-testid="portal-cc">
          <CardContent className="space-y-2 pt-6">
            <h2 className="text-sm font-semibold text-ink">{ta("cc.title")}</h2>
            <p className="text-sm text-ink-muted">{ta("cc.portalHint")}</p>
            <CcList ticketId={ticket.id} participants={ticket.participants} canAdd={ticket.actions.canAddCc} canRemove={false} />
          </CardContent>
        </Card>
      )}
      {p.canReply ? (
        <Card>
          <CardContent className="pt-6">
            <PortalReplyForm ticketId={ticket.id} uploads={uploads} />
          </CardContent>
        </Card>
      ) : (
        p.replyBlockedReason && (
          <Alert variant="info" data-testid="replies-closed">{te(p.replyBlockedReason)}</Alert>
        )
      )}
      {p.canRate ? (
        <RatingForm ticketId={ticket.id} rating={ticket.rating} comment={ticket.ratingComment} />
      ) : (
        ticket.rating != null && (
          <p className="flex items-center gap-2 text-sm text-ink-muted" data-testid="rating-readonly">
            <Star className="size-4 fill-warning-400 text-warning-500" aria-hidden /> {t("yourRating", { rating: ticket.rating })}
          </p>
        )
      )}
    </div>
  );
}
