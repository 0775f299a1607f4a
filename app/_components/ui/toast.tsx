"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from "lucide-react";
import { cn } from "@/app/_lib/cn";

export type ToastVariant = "info" | "success" | "warning" | "danger";

export interface ToastOptions {
  title: React.ReactNode;
  description?: React.ReactNode;
  variant?: ToastVariant;
  /** Milliseconds before it hides; Infinity keeps it until dismissed. */
  duration?: number;
  /** e.g. an "Undo" button. */
  action?: React.ReactNode;
}

interface ToastItem extends ToastOptions {
  id: number;
}

interface ToastApi {
  /** Shows a toast and returns its id. */
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const icons = {
  info: <Info aria-hidden className="text-info-600" />,
  success: <CircleCheck aria-hidden className="text-success-600" />,
  warning: <TriangleAlert aria-hidden className="text-warning-600" />,
  danger: <CircleAlert aria-hidden className="text-danger-600" />,
} as const;

export interface ToastProviderProps {
  children: React.ReactNode;
  /** Accessible name of the × button on each toast. */
  dismissLabel: string;
  /** Accessible name of the toast region, e.g. "Notifications". */
  label?: string;
  /** Default duration in ms. */
  duration?: number;
  /** Most toasts shown at once (older ones are dropped). */
  limit?: number;
}

/** Put once near the root (in a client boundary). Toasts are announced politely (aria-live). */
export function ToastProvider({ children, dismissLabel, label, duration = 5000, limit = 4 }: ToastProviderProps) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (options: ToastOptions) => {
      const id = nextId.current++;
      setItems((all) => [...all, { duration, ...options, id }].slice(-limit));
      return id;
    },
    [duration, limit],
  );
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label={label}
        className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex justify-center p-3 sm:inset-x-auto sm:right-0 sm:justify-end sm:p-5"
      >
        <ol aria-live="polite" className="flex w-full flex-col gap-2 sm:w-96">
          {items.map((item) => (
            <ToastCard key={item.id} item={item} dismissLabel={dismissLabel} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

function ToastCard({
  item,
  dismissLabel,
  onDismiss,
}: {
  item: ToastItem;
  dismissLabel: string;
  onDismiss: (id: number) => void;
}) {
  const [paused, setPaused] = useState(false);
  const { id, duration = 5000 } = item;

  useEffect(() => {
    if (paused || !Number.isFinite(duration)) return;
    const timer = setTimeout(() => onDismiss(id), duration);
    return () => clearTimeout(timer);
  }, [paused, duration, id, onDismiss]);

  return (
    <li
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn(
        "pointer-events-auto flex animate-toast-in items-start gap-3 rounded-lg border border-line bg-surface p-3.5 shadow-lg",
        "[&>svg]:mt-px [&>svg]:size-[18px] [&>svg]:shrink-0",
      )}
    >
      {icons[item.variant ?? "info"]}
      <div className="grid min-w-0 flex-1 gap-0.5">
        <p className="text-sm leading-5 font-medium text-ink">{item.title}</p>
        {item.description ? <p className="text-sm leading-5 text-ink-muted">{item.description}</p> : null}
        {item.action ? <div className="mt-2 flex gap-2">{item.action}</div> : null}
      </div>
      <button
        type="button"
        aria-label={dismissLabel}
        onClick={() => onDismiss(id)}
        className="-mt-1 -mr-1 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-ink-subtle hover:bg-subtle hover:text-ink"
      >
        <X aria-hidden className="size-4" />
      </button>
    </li>
  );
}

/** `const { toast } = useToast(); toast({ title: t("saved"), variant: "success" })` */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() must be used inside <ToastProvider>.");
  return api;
}
