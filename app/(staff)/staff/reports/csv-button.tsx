"use client";
// Downloads report.csv for the shown period as a file.
import { useState } from "react";
import { Download } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { useTRPCClient } from "@/app/_trpc/client";

export function CsvButton({ from, to, label }: { from: Date; to: Date; label: string }) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="outline"
      loading={busy}
      data-testid="report-csv"
      onClick={async () => {
        setBusy(true);
        try {
          const r = await client.report.csv.query({ from, to });
          const url = URL.createObjectURL(new Blob(["\uFEFF", r.csv], { type: "text/csv;charset=utf-8" }));
          const a = Object.assign(document.createElement("a"), { href: url, download: r.fileName });
          document.body.append(a);
          a.click();
          a.remove();
          URL.revokeObjectURL(url);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Download className="size-4" aria-hidden /> {label}
    </Button>
  );
}
