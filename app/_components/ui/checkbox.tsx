import { useId } from "react";
import { Check } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { ControlLabel } from "./control-label";

export interface CheckboxProps extends Omit<React.ComponentProps<"input">, "type"> {
  /** Optional text beside the box (the whole row is clickable). */
  label?: React.ReactNode;
  /** Optional secondary text under the label, wired with aria-describedby. */
  description?: React.ReactNode;
}

/** A styled native checkbox: submits like any checkbox (`name`/`value`, only when checked). */
export function Checkbox({
  className,
  label,
  description,
  id,
  "aria-describedby": describedBy,
  ...props
}: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const descId = description ? `${inputId}-desc` : undefined;
  const box = (
    <span className="relative mt-0.5 inline-flex size-4 shrink-0">
      <input
        type="checkbox"
        id={inputId}
        aria-describedby={[describedBy, descId].filter(Boolean).join(" ") || undefined}
        className={cn(
          "peer size-4 shrink-0 cursor-pointer appearance-none rounded-sm border border-line-strong bg-surface shadow-xs",
          "transition-colors checked:border-primary-600 checked:bg-primary-600 hover:border-primary-400",
          "disabled:cursor-not-allowed disabled:border-line disabled:bg-subtle disabled:checked:bg-primary-300",
          "aria-[invalid=true]:border-danger-500",
          className,
        )}
        {...props}
      />
      <Check
        aria-hidden
        strokeWidth={3.5}
        className="pointer-events-none absolute inset-0 m-auto hidden size-3 text-white peer-checked:block"
      />
    </span>
  );
  if (!label && !description) return box;
  return (
    <div className="flex items-start gap-2.5">
      {box}
      <ControlLabel htmlFor={inputId} label={label} description={description} descriptionId={descId} />
    </div>
  );
}
