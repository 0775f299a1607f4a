import { Slot } from "@radix-ui/react-slot";
import { cn } from "@/app/_lib/cn";
import { Spinner } from "./spinner";

// Hover/active only when enabled; "dim" only when disabled but not busy (a loading button keeps its colour).
export const buttonVariants = {
  primary:
    "bg-primary-600 text-white shadow-xs not-disabled:hover:bg-primary-700 not-disabled:active:bg-primary-800 disabled:not-aria-busy:bg-primary-300",
  secondary:
    "bg-subtle text-ink not-disabled:hover:bg-line not-disabled:active:bg-line-strong disabled:not-aria-busy:text-ink-subtle",
  outline:
    "border border-line-strong bg-surface text-ink shadow-xs not-disabled:hover:bg-subtle not-disabled:active:bg-line disabled:not-aria-busy:text-ink-subtle",
  ghost:
    "text-ink-muted not-disabled:hover:bg-subtle not-disabled:hover:text-ink not-disabled:active:bg-line disabled:not-aria-busy:text-ink-subtle",
  danger:
    "bg-danger-600 text-white shadow-xs not-disabled:hover:bg-danger-700 not-disabled:active:bg-danger-800 disabled:not-aria-busy:bg-danger-200",
  link: "h-auto px-0 text-primary-700 underline-offset-4 hover:underline not-disabled:hover:text-primary-800 disabled:not-aria-busy:text-ink-subtle disabled:no-underline",
} as const;

export const buttonSizes = {
  sm: "h-8 gap-1.5 px-3 text-[13px]",
  md: "h-9 gap-2 px-3.5 text-sm",
  lg: "h-11 gap-2 px-5 text-[15px]",
  icon: "size-9 p-0",
} as const;

export type ButtonVariant = keyof typeof buttonVariants;
export type ButtonSize = keyof typeof buttonSizes;

/** Class string for things that should look like a button but are not <Button> (e.g. a <label>). */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string) {
  return cn(
    "inline-flex shrink-0 select-none items-center justify-center whitespace-nowrap rounded-md font-medium",
    "transition-colors disabled:cursor-not-allowed aria-disabled:pointer-events-none aria-disabled:opacity-50",
    "[&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0",
    buttonSizes[size],
    buttonVariants[variant],
    className,
  );
}

export interface ButtonProps extends React.ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child element (e.g. a Next <Link>) with button styles. */
  asChild?: boolean;
  /** Shows a spinner, sets aria-busy and disables the button. */
  loading?: boolean;
}

export function Button({
  variant = "primary",
  size = "md",
  asChild = false,
  loading = false,
  disabled,
  type,
  className,
  children,
  ...props
}: ButtonProps) {
  const classes = buttonClass(variant, size, cn(loading && "cursor-wait", className));
  if (asChild) {
    return (
      <Slot aria-busy={loading || undefined} className={classes} {...props}>
        {children}
      </Slot>
    );
  }
  return (
    <button
      type={type ?? "button"}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={classes}
      {...props}
    >
      {loading ? <Spinner size={size === "lg" ? "md" : "sm"} /> : null}
      {loading && size === "icon" ? null : children}
    </button>
  );
}
