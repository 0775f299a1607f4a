import { cn } from "@/app/_lib/cn";

/** A keyboard key, e.g. <Kbd>⌘</Kbd><Kbd>K</Kbd>. */
export function Kbd({ className, ...props }: React.ComponentProps<"kbd">) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-line-strong border-b-2 bg-surface px-1",
        "font-mono text-[11px] leading-none font-medium text-ink-muted",
        className,
      )}
      {...props}
    />
  );
}
