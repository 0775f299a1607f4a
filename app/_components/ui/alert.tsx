import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import { cn } from "@/app/_lib/cn";

const variants = {
  info: { box: "border-info-200 bg-info-50", icon: "text-info-600", title: "text-info-900", Icon: Info },
  success: {
    box: "border-success-200 bg-success-50",
    icon: "text-success-600",
    title: "text-success-900",
    Icon: CircleCheck,
  },
  warning: {
    box: "border-warning-200 bg-warning-50",
    icon: "text-warning-600",
    title: "text-warning-900",
    Icon: TriangleAlert,
  },
  danger: {
    box: "border-danger-200 bg-danger-50",
    icon: "text-danger-600",
    title: "text-danger-900",
    Icon: CircleAlert,
  },
} as const;

export type AlertVariant = keyof typeof variants;

export interface AlertProps extends Omit<React.ComponentProps<"div">, "title"> {
  variant?: AlertVariant;
  title?: React.ReactNode;
  /** Replace the default icon (pass `null` to hide it). */
  icon?: React.ReactNode;
  /** Buttons or links shown under the text. */
  actions?: React.ReactNode;
}

/** A message box. Danger alerts get role="alert" (announced at once); others role="status". */
export function Alert({ variant = "info", title, icon, actions, className, children, ...props }: AlertProps) {
  const v = variants[variant];
  return (
    <div
      role={variant === "danger" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg border p-3.5 text-sm", v.box, className)}
      {...props}
    >
      {icon === null ? null : (
        <span aria-hidden className={cn("mt-px shrink-0 [&_svg]:size-[18px]", v.icon)}>
          {icon ?? <v.Icon />}
        </span>
      )}
      <div className="grid min-w-0 flex-1 gap-1">
        {title ? <p className={cn("leading-5 font-semibold", v.title)}>{title}</p> : null}
        {children ? <div className="leading-5 text-ink-muted [&_a]:underline">{children}</div> : null}
        {actions ? <div className="mt-2 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
