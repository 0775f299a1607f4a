// The page frame of the portal and the staff area: brand, nav by role, language, user menu.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, type AppShellNavItem } from "@/app/_components/ui/app-shell";
import { Button } from "@/app/_components/ui/button";
import type { Actor } from "@/server/domain/actor";
import { isStaff, isAdmin } from "@/server/domain/actor";
import { LanguageSwitcher } from "./language-switcher";
import { UserMenu } from "./user-menu";
import { NotificationBell } from "./notification-bell";

export async function SiteFrame({ actor, area, children, wide }: { actor: Actor; area: "portal" | "staff"; children: React.ReactNode; wide?: boolean }) {
  const t = await getTranslations("common");
  const tkb = await getTranslations("kb");
  const nav: AppShellNavItem[] =
    area === "staff"
      ? [
          { href: "/staff", label: t("nav.queue"), exact: true },
          ...(isStaff(actor)
            ? [
                { href: "/staff/reports", label: t("nav.reports") },
                { href: "/staff/quarantine", label: t("nav.quarantine") },
                { href: "/staff/outbox", label: t("nav.outbox") },
                { href: "/staff/kb", label: tkb("staffNav") },
              ]
            : []),
          ...(isAdmin(actor) ? [{ href: "/staff/settings", label: t("nav.settings") }] : []),
          { href: "/tickets", label: t("nav.portal") },
        ]
      : [
          { href: "/tickets", label: t("nav.myTickets"), exact: true },
          { href: "/tickets/new", label: t("nav.newTicket") },
          { href: "/kb", label: tkb("nav") },
          ...(isStaff(actor) ? [{ href: "/staff", label: t("nav.staff") }] : []),
        ];
  const brand = (
    <Link href={area === "staff" ? "/staff" : "/"} className="flex items-center gap-2 font-semibold text-ink">
      <span className="inline-flex size-7 items-center justify-center rounded-md bg-primary-600 text-sm font-bold text-white">H</span>
      <span>{t("brand")}</span>
    </Link>
  );
  const userMenu =
    actor.kind === "user" ? (
      <UserMenu name={actor.name} email={actor.email} labels={{ menu: t("user.menu"), signOut: t("user.signOut"), account: t("user.account") }} />
    ) : (
      <Button asChild size="sm" variant="outline">
        <Link href="/sign-in">{t("user.signIn")}</Link>
      </Button>
    );
  return (
    <AppShell
      brand={brand}
      nav={actor.kind === "anonymous" ? nav.filter((n) => n.href === "/kb") : nav}
      navLabel={t("nav.portal")}
      menuLabel={t("actions.menu")}
      closeLabel={t("actions.close")}
      actions={area === "staff" && isStaff(actor) ? <><NotificationBell /><LanguageSwitcher /></> : <LanguageSwitcher />}
      userMenu={userMenu}
      mainClassName={wide ? "max-w-none" : undefined}
    >
      {children}
    </AppShell>
  );
}
