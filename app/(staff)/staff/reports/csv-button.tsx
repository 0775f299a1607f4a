"use client";
// Downloads report.csv for the shown period as a file.
import { useState } from "react";
import { Download } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { useTRPCClient } from "@/app/_trpc/client";
import { downloadCsv } from "@/app/_lib/download-text";

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
          downloadCsv(r.fileName, r.csv);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Download className="size-4" aria-hidden /> {label}
    </Button>
  );
}
