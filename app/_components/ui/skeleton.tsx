import { cn } from "@/app/_lib/cn";

/** A grey pulsing placeholder. Size it with className (e.g. "h-4 w-32"). Hidden from screen readers. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-line/70", className)} {...props} />;
}
