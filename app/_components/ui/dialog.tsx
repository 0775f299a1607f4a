"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { cn } from "@/app/_lib/cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogPortal = DialogPrimitive.Portal;

export function DialogOverlay({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Overlay>) {
  return (
    <DialogPrimitive.Overlay
      className={cn(
        "fixed inset-0 z-50 bg-[#101828]/40 backdrop-blur-[2px]",
        "data-[state=open]:animate-fade-in data-[state=closed]:animate-fade-out",
        className,
      )}
      {...props}
    />
  );
}

const sizes = { sm: "sm:max-w-sm", md: "sm:max-w-lg", lg: "sm:max-w-2xl", xl: "sm:max-w-4xl" } as const;

const centered =
  "top-1/2 left-1/2 w-[calc(100%-1.5rem)] max-h-[calc(100dvh-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl " +
  "data-[state=open]:animate-pop-in data-[state=closed]:animate-pop-out";
const sheets = {
  left:
    "inset-y-0 left-0 h-dvh w-[min(20rem,calc(100%-3rem))] border-r " +
    "data-[state=open]:animate-sheet-in-left data-[state=closed]:animate-sheet-out-left",
  right:
    "inset-y-0 right-0 h-dvh w-[min(24rem,calc(100%-3rem))] border-l " +
    "data-[state=open]:animate-sheet-in-right data-[state=closed]:animate-sheet-out-right",
} as const;

export interface DialogContentProps extends React.ComponentProps<typeof DialogPrimitive.Content> {
  /** Width of a centred dialog (ignored for sheets). */
  size?: keyof typeof sizes;
  /** Render as a full-height side sheet instead of a centred dialog. */
  side?: "left" | "right";
  /** Accessible name of the × button. The button is only rendered when this is given. */
  closeLabel?: string;
}

/** Portal + overlay + panel. Always put a <DialogTitle> inside (visually hidden if needed: className="sr-only"). */
export function DialogContent({
  size = "md",
  side,
  closeLabel,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPrimitive.Content
        className={cn(
          "fixed z-50 flex flex-col overflow-y-auto border-line bg-surface text-ink shadow-xl focus:outline-hidden",
          side ? sheets[side] : cn(centered, "border", sizes[size]),
          className,
        )}
        {...props}
      >
        {children}
        {closeLabel ? (
          <DialogPrimitive.Close
            aria-label={closeLabel}
            title={closeLabel}
            className="absolute top-3 right-3 inline-flex size-8 items-center justify-center rounded-md text-ink-subtle transition-colors hover:bg-subtle hover:text-ink"
          >
            <X aria-hidden className="size-4" />
          </DialogPrimitive.Close>
        ) : null}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("grid gap-1.5 px-5 pt-5 pr-12 pb-2", className)} {...props} />;
}

export function DialogBody({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("px-5 py-3", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "mt-auto flex flex-col-reverse gap-2 px-5 pt-3 pb-5 sm:flex-row sm:justify-end [&>*]:w-full sm:[&>*]:w-auto",
        className,
      )}
      {...props}
    />
  );
}

export function DialogTitle({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Title>) {
  return (
    <DialogPrimitive.Title
      className={cn("text-base leading-6 font-semibold tracking-tight text-ink", className)}
      {...props}
    />
  );
}

export function DialogDescription({
  className,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-sm text-ink-muted", className)} {...props} />;
}
