import { cn } from "@/app/_lib/cn";

export interface TableProps extends React.ComponentProps<"table"> {
  /** Classes for the scrolling wrapper (the bordered card around the table). */
  containerClassName?: string;
  /**
   * Accessible name of the scroll area. When given, the wrapper becomes a focusable
   * region so keyboard users can scroll a wide table sideways.
   */
  label?: string;
}

/** A data table inside a bordered card that scrolls horizontally on narrow screens. */
export function Table({ className, containerClassName, label, ...props }: TableProps) {
  return (
    <div
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={label ? 0 : undefined}
      className={cn(
        // inline-size containment: a wide table scrolls here instead of stretching flex/grid ancestors
        "relative w-full overflow-x-auto rounded-xl border border-line bg-surface shadow-xs [contain:inline-size]",
        containerClassName,
      )}
    >
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead className={cn("border-b border-line bg-canvas/70", className)} {...props} />;
}

export function TBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("[&>tr:last-child]:border-b-0", className)} {...props} />;
}

export interface TRProps extends React.ComponentProps<"tr"> {
  /** Highlight on hover (for clickable rows). */
  interactive?: boolean;
}

export function TR({ className, interactive = false, ...props }: TRProps) {
  return (
    <tr
      className={cn(
        "border-b border-line transition-colors",
        interactive && "hover:bg-canvas has-[a:focus-visible]:bg-canvas",
        "aria-selected:bg-primary-50",
        className,
      )}
      {...props}
    />
  );
}

export function TH({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-10 px-3 text-left align-middle text-xs font-medium whitespace-nowrap text-ink-muted first:pl-4 last:pr-4",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-3 py-3 align-middle text-ink first:pl-4 last:pr-4", className)} {...props} />;
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption className={cn("px-4 py-3 text-left text-sm text-ink-muted", className)} {...props} />;
}
