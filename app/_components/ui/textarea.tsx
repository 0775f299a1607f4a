import { cn } from "@/app/_lib/cn";
import { controlClass } from "./input";

export interface TextareaProps extends React.ComponentProps<"textarea"> {
  /** Grow with the content (CSS field-sizing; falls back to a resizable box). */
  autoGrow?: boolean;
}

export function Textarea({ className, autoGrow = false, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      className={cn(
        controlClass,
        "block min-h-20 resize-y py-2 leading-relaxed",
        autoGrow && "field-sizing-content max-h-[60vh]",
        className,
      )}
      {...props}
    />
  );
}
