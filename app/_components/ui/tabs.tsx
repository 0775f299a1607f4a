"use client";

import * as TabsPrimitive from "@radix-ui/react-tabs";
import { cn } from "@/app/_lib/cn";

export const Tabs = TabsPrimitive.Root;

/** The row of tabs; scrolls sideways on narrow screens. Give it an aria-label. */
export function TabsList({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      className={cn(
        "flex w-full items-center gap-1 overflow-x-auto border-b border-line [contain:inline-size] [scrollbar-width:none]",
        className,
      )}
      {...props}
    />
  );
}

export function TabsTrigger({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "relative -mb-px inline-flex h-9 shrink-0 items-center gap-1.5 border-b-2 border-transparent px-2.5",
        "text-sm font-medium whitespace-nowrap text-ink-muted transition-colors hover:text-ink",
        "focus-visible:-outline-offset-2 disabled:pointer-events-none disabled:opacity-50",
        "data-[state=active]:border-primary-600 data-[state=active]:text-ink [&_svg]:size-4",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Content>) {
  return (
    <TabsPrimitive.Content
      className={cn("pt-4 focus-visible:rounded-md focus-visible:outline-offset-4", className)}
      {...props}
    />
  );
}
