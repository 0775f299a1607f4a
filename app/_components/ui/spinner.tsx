import { cn } from "@/app/_lib/cn";

const sizes = { xs: "size-3", sm: "size-4", md: "size-5", lg: "size-8" } as const;

export interface SpinnerProps extends React.ComponentProps<"span"> {
  size?: keyof typeof sizes;
  /** Screen-reader text ("Loading…"). Without it the spinner is decorative (aria-hidden). */
  label?: string;
}

/** A small circular loading indicator that inherits the current text colour. */
export function Spinner({ size = "sm", label, className, ...props }: SpinnerProps) {
  return (
    <span
      role={label ? "status" : undefined}
      aria-hidden={label ? undefined : true}
      className={cn("inline-flex shrink-0 items-center justify-center", className)}
      {...props}
    >
      <svg className={cn("animate-spin", sizes[size])} viewBox="0 0 24 24" fill="none">
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
