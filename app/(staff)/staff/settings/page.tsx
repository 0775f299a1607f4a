import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronRight, Inbox, Send, Ticket, Tags, FolderTree, Users, KeyRound, MessageSquareText, TimerOff, type LucideIcon } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Card } from "@/app/_components/ui/card";
import { requireAdmin } from "@/app/_lib/require";

type Item = { href: string; icon: LucideIcon; title: string; description: string };

function Section({ title, items }: { title: string; items: Item[] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-medium text-ink-muted">{title}</h2>
      <Card className="divide-y divide-line overflow-hidden p-0">
        {items.map((i) => (
          <Link key={i.href} href={i.href} className="flex items-center gap-4 px-5 py-4 transition-colors hover:bg-subtle">
            <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-lg bg-primary-50 text-primary-700"><i.icon className="size-5" aria-hidden /></span>
            <span className="min-w-0 flex-1">
              <span className="block font-medium text-ink">{i.title}</span>
              <span className="block text-sm text-ink-muted">{i.description}</span>
            </span>
            <ChevronRight className="size-4 shrink-0 text-ink-subtle" aria-hidden />
          </Link>
        ))}
      </Card>
    </section>
  );
}

export default async function SettingsIndexPage() {
  await requireAdmin("/staff/settings");
  const t = await getTranslations("settings-tickets.index");
  const a = await getTranslations("admin.nav");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Section
        title={t("title")}
        items={[
          { href: "/staff/settings/tickets", icon: Ticket, title: t("tickets"), description: t("ticketsDescription") },
          { href: "/staff/settings/mail", icon: Inbox, title: t("mail"), description: t("mailDescription") },
          { href: "/staff/settings/outbound", icon: Send, title: t("outbound"), description: t("outboundDescription") },
        ]}
      />
      <Section
        title={t("admin")}
        items={[
          { href: "/staff/settings/statuses", icon: Tags, title: a("statuses"), description: t("statusesDescription") },
          { href: "/staff/settings/categories", icon: FolderTree, title: a("categories"), description: t("categoriesDescription") },
          { href: "/staff/settings/users", icon: Users, title: a("users"), description: t("usersDescription") },
          { href: "/staff/settings/canned-replies", icon: MessageSquareText, title: a("cannedReplies"), description: t("cannedDescription") },
          { href: "/staff/settings/auto-close", icon: TimerOff, title: a("autoClose"), description: t("autoCloseDescription") },
          { href: "/staff/settings/tokens", icon: KeyRound, title: a("tokens"), description: t("tokensDescription") },
        ]}
      />
    </div>
  );
}
