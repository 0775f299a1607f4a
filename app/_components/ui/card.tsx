import { cn } from "@/app/_lib/cn";

/** A white surface with a subtle border. Compose with the parts below; each accepts className. */
export function Card({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      className={cn("rounded-xl border border-line bg-surface text-ink shadow-xs", className)}
      {...props}
    />
  );
}

export function CardHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("grid gap-1 px-4 pt-4 sm:px-5 sm:pt-5", className)} {...props} />;
}

export interface CardTitleProps extends React.ComponentProps<"h2"> {
  /** Heading level to keep the document outline right. Defaults to h2. */
  as?: "h1" | "h2" | "h3" | "h4";
}

export function CardTitle({ as: Tag = "h2", className, ...props }: CardTitleProps) {
  return (
    <Tag className={cn("text-base leading-6 font-semibold tracking-tight text-ink", className)} {...props} />
  );
}

export function CardDescription({ className, ...props }: React.ComponentProps<"p">) {
  return <p className={cn("text-sm text-ink-muted", className)} {...props} />;
}

export function CardContent({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("px-4 py-4 sm:px-5", className)} {...props} />;
}

export function CardFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t border-line bg-canvas/60 px-4 py-3 sm:px-5",
        className,
      )}
      {...props}
    />
  );
}
