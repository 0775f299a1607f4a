"use client";
// Downloads the queue as it is filtered now (ticket.exportCsv) as a CSV file (issue 15).
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Download } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { useTRPCClient } from "@/app/_trpc/client";
import { downloadCsv } from "@/app/_lib/download-text";

type ListInput = { [k: string]: unknown; limit: number; cursor?: string };

export function QueueCsvButton({ input }: { input: ListInput }) {
  const client = useTRPCClient();
  const t = useTranslations("fields.queue");
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const { limit: _limit, cursor: _cursor, ...filter } = input;
  return (
    <Button variant="outline" size="sm" loading={busy} data-testid="queue-csv"
      onClick={async () => {
        setBusy(true);
        try {
          const r = await client.ticket.exportCsv.query({ ...(filter as object), locale: locale === "ru" ? "ru" : "en" });
          downloadCsv(r.fileName, r.csv);
        } finally {
          setBusy(false);
        }
      }}>
      <Download className="size-4" aria-hidden /> {t("exportCsv")}
    </Button>
  );
}
