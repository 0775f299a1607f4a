"use client";
import Link from "next/link";
import { LogOut, UserCog } from "lucide-react";
import { Avatar } from "@/app/_components/ui/avatar";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/app/_components/ui/dropdown-menu";
import { signOutAction } from "@/app/(auth)/actions";

export function UserMenu({ name, email, labels }: { name: string; email: string; labels: { menu: string; signOut: string; account: string } }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="rounded-full focus-visible:outline-2 focus-visible:outline-primary-500" aria-label={labels.menu} data-testid="user-menu">
        <Avatar name={name} size="sm" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-56">
        <DropdownMenuLabel>
          <div className="truncate text-sm font-medium text-ink">{name}</div>
          <div className="truncate text-xs font-normal text-ink-muted">{email}</div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account" data-testid="account-link"><UserCog aria-hidden /> {labels.account}</Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOutAction()} data-testid="sign-out">
          <LogOut aria-hidden /> {labels.signOut}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
