import { cn } from "@/app/_lib/cn";

/**
 * Shared look of text-like controls (input, textarea, select).
 * 16px text on phones prevents iOS zoom-on-focus; 14px from `sm` up.
 */
export const controlClass = cn(
  "w-full min-w-0 rounded-md border border-line-strong bg-surface px-3 text-base text-ink shadow-xs sm:text-sm",
  "transition-[border-color,box-shadow] hover:border-[#98a2b3]",
  "focus:border-primary-500 focus:outline-hidden focus:ring-3 focus:ring-primary-500/20",
  "disabled:cursor-not-allowed disabled:border-line disabled:bg-subtle disabled:text-ink-subtle",
  "aria-[invalid=true]:border-danger-500 aria-[invalid=true]:focus:ring-danger-500/20",
);

export type InputProps = React.ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        controlClass,
        "h-9 [&[readonly]]:bg-subtle",
        "file:mr-3 file:h-full file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-ink",
        type === "file" && "px-0 file:border-r file:border-line file:px-3",
        className,
      )}
      {...props}
    />
  );
}
