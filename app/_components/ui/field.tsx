import { cloneElement, isValidElement, useId } from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { Label } from "./label";

export interface FieldProps {
  label: React.ReactNode;
  /** id of the control; generated when omitted (and given to the child). */
  htmlFor?: string;
  hint?: React.ReactNode;
  /** Field-level error; when set the control gets aria-invalid and the message shows in red. */
  error?: React.ReactNode;
  /** Shows a decorative asterisk; still put `required` on the control itself. */
  required?: boolean;
  /** Something on the right of the label row, e.g. a "Forgot password?" link. */
  labelAside?: React.ReactNode;
  className?: string;
  /** Exactly one control element (Input, Textarea, Select, Switch…). */
  children: React.ReactNode;
}

type ControlProps = { id?: string; "aria-describedby"?: string; "aria-invalid"?: unknown };

/** Label + control + hint + error, with id / aria-describedby / aria-invalid wired onto the child. */
export function Field({ label, htmlFor, hint, error, required, labelAside, className, children }: FieldProps) {
  const autoId = useId();
  const id = htmlFor ?? autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;

  let control = children;
  if (isValidElement<ControlProps>(children)) {
    const own = children.props;
    control = cloneElement(children, {
      id: own.id ?? id,
      "aria-describedby": [own["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined,
      "aria-invalid": error ? true : own["aria-invalid"],
    });
  }

  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-3">
        <Label htmlFor={id}>
          {label}
          {required ? (
            <span aria-hidden className="ml-0.5 text-danger-600">
              *
            </span>
          ) : null}
        </Label>
        {labelAside ? <div className="text-[13px]">{labelAside}</div> : null}
      </div>
      {control}
      {hint ? (
        <p id={hintId} className="text-[13px] leading-5 text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-[13px] leading-5 font-medium text-danger-700">
          <CircleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
