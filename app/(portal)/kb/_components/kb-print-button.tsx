"use client";
import { Printer } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

export function KbPrintButton({ label }: { label: string }) {
  return (
    <Button variant="ghost" size="sm" onClick={() => window.print()} className="print:hidden">
      <Printer className="size-4" aria-hidden /> {label}
    </Button>
  );
}
