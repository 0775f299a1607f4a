"use client";

import { useId, useState } from "react";
import { cn } from "@/app/_lib/cn";
import { ControlLabel } from "./control-label";

export interface SwitchProps
  extends Omit<React.ComponentProps<"button">, "value" | "onChange" | "type" | "role"> {
  checked?: boolean;
  defaultChecked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  /** With a name, a hidden input submits `value` when on (like a checkbox)… */
  name?: string;
  value?: string;
  /** …and `uncheckedValue` when off, if given (otherwise nothing is submitted when off). */
  uncheckedValue?: string;
  size?: "sm" | "md";
  /** Optional text beside the switch, linked with <label for>. */
  label?: React.ReactNode;
  description?: React.ReactNode;
}

/** An accessible on/off toggle: a <button role="switch" aria-checked>. Space/Enter toggle it. */
export function Switch({
  checked,
  defaultChecked = false,
  onCheckedChange,
  name,
  value = "on",
  uncheckedValue,
  size = "md",
  label,
  description,
  id,
  disabled,
  className,
  onClick,
  "aria-describedby": describedBy,
  ...props
}: SwitchProps) {
  const [inner, setInner] = useState(defaultChecked);
  const on = checked ?? inner;
  const autoId = useId();
  const buttonId = id ?? autoId;
  const descId = description ? `${buttonId}-desc` : undefined;

  const control = (
    <>
      <button
        type="button"
        role="switch"
        id={buttonId}
        aria-checked={on}
        aria-describedby={[describedBy, descId].filter(Boolean).join(" ") || undefined}
        data-state={on ? "checked" : "unchecked"}
        disabled={disabled}
        onClick={(event) => {
          onClick?.(event);
          if (event.defaultPrevented) return;
          if (checked === undefined) setInner(!on);
          onCheckedChange?.(!on);
        }}
        className={cn(
          "group inline-flex shrink-0 items-center rounded-full border-2 border-transparent transition-colors",
          "bg-line-strong data-[state=checked]:bg-primary-600",
          "disabled:cursor-not-allowed disabled:opacity-50",
          size === "sm" ? "h-4 w-7" : "h-5 w-9",
          className,
        )}
        {...props}
      >
        <span
          aria-hidden
          className={cn(
            "pointer-events-none block rounded-full bg-white shadow-sm transition-transform",
            size === "sm"
              ? "size-3 group-data-[state=checked]:translate-x-3"
              : "size-4 group-data-[state=checked]:translate-x-4",
          )}
        />
      </button>
      {name ? (
        <input
          type="hidden"
          name={name}
          value={on ? value : (uncheckedValue ?? "")}
          disabled={disabled || (!on && uncheckedValue === undefined)}
        />
      ) : null}
    </>
  );

  if (!label && !description) return control;
  return (
    <div className="flex items-start gap-3">
      <span className="mt-0.5 inline-flex">{control}</span>
      <ControlLabel htmlFor={buttonId} label={label} description={description} descriptionId={descId} />
    </div>
  );
}
