import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { buttonClass } from "./button";

export interface PaginationProps {
  /** Link to the previous page; null/undefined renders a disabled control. */
  prevHref?: string | null;
  nextHref?: string | null;
  prevLabel: string;
  nextLabel: string;
  /** Accessible name of the <nav>, e.g. "Pagination". */
  label: string;
  /** Optional text on the left, e.g. "1–25 of 340" or "Page 2 of 14". */
  status?: React.ReactNode;
  className?: string;
}

function PageLink({ href, rel, children }: { href?: string | null; rel: "prev" | "next"; children: React.ReactNode }) {
  const classes = buttonClass("outline", "sm", "min-w-0");
  if (!href) {
    return (
      <span aria-disabled="true" className={classes}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={classes}>
      {children}
    </Link>
  );
}

/** Presentational prev/next pager. All strings come from the caller (translated). */
export function Pagination({ prevHref, nextHref, prevLabel, nextLabel, label, status, className }: PaginationProps) {
  return (
    <nav aria-label={label} className={cn("flex items-center justify-between gap-3 py-3", className)}>
      <div className="min-w-0 truncate text-sm text-ink-muted">
        {status}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <PageLink href={prevHref} rel="prev">
          <ChevronLeft aria-hidden />
          <span>{prevLabel}</span>
        </PageLink>
        <PageLink href={nextHref} rel="next">
          <span>{nextLabel}</span>
          <ChevronRight aria-hidden />
        </PageLink>
      </div>
    </nav>
  );
}
