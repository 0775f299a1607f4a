import { ChevronDown } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { controlClass } from "./input";

export interface SelectProps extends React.ComponentProps<"select"> {
  /** Classes for the wrapper (width in toolbars, e.g. "w-auto"). `className` styles the <select>. */
  containerClassName?: string;
}

/** A styled native <select>: best on phones and inside plain <form>s. Pass <option>s as children. */
export function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative w-full", containerClassName)}>
      <select
        className={cn(controlClass, "h-9 cursor-pointer appearance-none truncate pr-9", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-ink-subtle"
      />
    </div>
  );
}
