"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Menu } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { Button } from "./button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "./dialog";

export interface AppShellNavItem {
  href: string;
  label: string;
  icon?: React.ReactNode;
  /** e.g. an unread counter. */
  badge?: React.ReactNode;
  /** Force the active state; by default it is derived from the current path. */
  active?: boolean;
  /** Active only on this exact path (default: this path and everything under it; "/" is always exact). */
  exact?: boolean;
}

export interface AppShellProps {
  /** Logo / product name, usually a <Link> to the home page. */
  brand: React.ReactNode;
  nav?: AppShellNavItem[];
  /** Accessible name of the <nav>, e.g. "Main". */
  navLabel: string;
  /** Accessible name of the phone menu button and title of the sheet, e.g. "Menu". */
  menuLabel: string;
  /** Accessible name of the sheet's × button, e.g. "Close". */
  closeLabel: string;
  /** Text of the "Skip to content" link (shown on keyboard focus). Omit to leave it out. */
  skipLabel?: string;
  /** Extra items in the top bar before the user menu (search, language switch…). */
  actions?: React.ReactNode;
  /** The user menu, e.g. an avatar DropdownMenu, or a "Sign in" button. */
  userMenu?: React.ReactNode;
  /** Content at the bottom of the phone sheet. */
  sheetFooter?: React.ReactNode;
  /** Classes for <main> (e.g. "max-w-none" for a full-width inbox). */
  mainClassName?: string;
  children: React.ReactNode;
}

function isActive(item: AppShellNavItem, pathname: string): boolean {
  if (item.active !== undefined) return item.active;
  const path = item.href.split(/[?#]/)[0] || "/";
  if (item.exact || path === "/") return pathname === path;
  return pathname === path || pathname.startsWith(path.endsWith("/") ? path : `${path}/`);
}

/** The responsive page frame: sticky top bar + main. On phones the nav moves into a side sheet. */
export function AppShell(props: AppShellProps) {
  const { brand, nav = [], navLabel, menuLabel, closeLabel, skipLabel, actions, userMenu, sheetFooter } = props;
  const pathname = usePathname() ?? "/";
  const [open, setOpen] = useState(false);

  const links = (mobile: boolean) =>
    nav.map((item) => {
      const active = isActive(item, pathname);
      return (
        <Link
          key={item.href}
          href={item.href}
          aria-current={active ? "page" : undefined}
          onClick={mobile ? () => setOpen(false) : undefined}
          className={cn(
            "flex items-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors [&_svg]:size-4 [&_svg]:shrink-0",
            mobile
              ? "h-10 px-3 text-[15px] text-ink-muted hover:bg-subtle aria-[current=page]:bg-primary-50 aria-[current=page]:text-primary-700"
              : "h-8 px-2.5 text-sm text-ink-muted hover:bg-subtle hover:text-ink aria-[current=page]:bg-subtle aria-[current=page]:text-ink",
          )}
        >
          {item.icon}
          <span className="truncate">{item.label}</span>
          {item.badge ? <span className="ml-auto pl-1">{item.badge}</span> : null}
        </Link>
      );
    });

  return (
    <div className="flex min-h-dvh flex-col">
      {skipLabel ? (
        <a
          href="#main-content"
          className="sr-only rounded-md bg-surface text-sm font-medium text-ink shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[70] focus:px-3 focus:py-2"
        >
          {skipLabel}
        </a>
      ) : null}
      <header className="sticky top-0 z-40 border-b border-line bg-surface/90 backdrop-blur-md">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:px-6 lg:px-8">
          {nav.length > 0 ? (
            <Dialog open={open} onOpenChange={setOpen}>
              <DialogTrigger asChild>
                <Button variant="ghost" size="icon" aria-label={menuLabel} className="-ml-1 md:hidden">
                  <Menu aria-hidden className="size-5!" />
                </Button>
              </DialogTrigger>
              <DialogContent side="left" closeLabel={closeLabel} aria-describedby={undefined}>
                <DialogTitle className="sr-only">{menuLabel}</DialogTitle>
                <div className="flex h-14 shrink-0 items-center border-b border-line px-4">{brand}</div>
                <nav aria-label={navLabel} className="grid gap-0.5 p-3">
                  {links(true)}
                </nav>
                {sheetFooter ? <div className="mt-auto border-t border-line p-4">{sheetFooter}</div> : null}
              </DialogContent>
            </Dialog>
          ) : null}
          <div className="flex min-w-0 shrink-0 items-center">{brand}</div>
          {nav.length > 0 ? (
            <nav aria-label={navLabel} className="ml-6 hidden min-w-0 items-center gap-1 md:flex">
              {links(false)}
            </nav>
          ) : null}
          <div className="ml-auto flex min-w-0 items-center gap-1.5 sm:gap-2">
            {actions}
            {userMenu}
          </div>
        </div>
      </header>
      <main
        id="main-content"
        tabIndex={-1}
        className={cn("mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-hidden sm:px-6 sm:py-8 lg:px-8", props.mainClassName)}
      >
        {props.children}
      </main>
    </div>
  );
}
