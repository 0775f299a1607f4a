import { cn } from "@/app/_lib/cn";

export interface EmptyStateProps extends Omit<React.ComponentProps<"div">, "title"> {
  /** An icon element, e.g. <Inbox />. */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** A button or link, e.g. "Create ticket". */
  action?: React.ReactNode;
  /** Draw a dashed frame (for empty sections inside a page). */
  bordered?: boolean;
}

export function EmptyState({ icon, title, description, action, bordered = false, className, ...props }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center px-6 py-12 text-center",
        bordered && "rounded-xl border border-dashed border-line-strong bg-surface",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden
          className="mb-4 flex size-12 items-center justify-center rounded-full border border-line bg-surface text-ink-subtle shadow-xs [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <h3 className="text-base font-semibold text-ink">{title}</h3>
      {description ? <p className="mt-1 max-w-sm text-sm text-ink-muted">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
