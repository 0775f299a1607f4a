import { cn } from "@/app/_lib/cn";

export interface PageHeaderProps extends Omit<React.ComponentProps<"div">, "title"> {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons on the right (under the title on phones). */
  actions?: React.ReactNode;
  /** Small content above the title: breadcrumbs or a back link. */
  eyebrow?: React.ReactNode;
}

/** The page's <h1> with an optional description and actions; stacks on phones. */
export function PageHeader({ title, description, actions, eyebrow, className, children, ...props }: PageHeaderProps) {
  return (
    <div className={cn("mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", className)} {...props}>
      <div className="min-w-0 flex-1">
        {eyebrow ? <div className="mb-2 text-sm text-ink-muted">{eyebrow}</div> : null}
        <h1 className="text-xl leading-7 font-semibold tracking-tight text-balance text-ink sm:text-2xl sm:leading-8">
          {title}
        </h1>
        {description ? <p className="mt-1 max-w-2xl text-sm text-ink-muted">{description}</p> : null}
        {children}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
