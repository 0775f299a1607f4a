"use client";
import { Printer } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

/** Opens the browser's print dialog ("Save as PDF" gives the clean PDF). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="outline" size="sm" onClick={() => window.print()} className="print:hidden" data-testid="print-button">
      <Printer className="size-4" aria-hidden /> {label}
    </Button>
  );
}
