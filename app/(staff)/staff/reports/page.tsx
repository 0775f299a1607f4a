import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { requireStaff } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { cn } from "@/app/_lib/cn";
import { reportRange, presetRange } from "./report-range";
import { ReportCharts } from "./report-charts";
import { CsvButton } from "./csv-button";
import { KbDeflectionCard } from "./kb-deflection-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  await requireStaff("/staff/reports");
  const range = reportRange(await searchParams);
  const t = await getTranslations("reports");
  const report = await (await caller()).report.summary({ from: range.fromDate, to: range.toDate });
  const presets = [7, 30, 90].map((d) => ({ d, ...presetRange(d) }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={<CsvButton from={range.fromDate} to={range.toDate} label={t("export")} />} />
      <Card>
        <CardContent className="flex flex-col gap-3 pt-4 pb-4 md:flex-row md:items-end md:justify-between">
          <nav aria-label={t("range")} className="flex gap-1">
            {presets.map((p) => {
              const active = p.from === range.from && p.to === range.to;
              return (
                <Link key={p.d} href={`/staff/reports?from=${p.from}&to=${p.to}`} aria-current={active ? "page" : undefined}
                  className={cn("inline-flex h-8 items-center rounded-full border px-3 text-sm", active ? "border-primary-600 bg-primary-600 text-white" : "border-line text-ink-muted hover:text-ink")}>
                  {t(`presets.${p.d}` as "presets.7")}
                </Link>
              );
            })}
          </nav>
          <form method="get" action="/staff/reports" className="flex flex-wrap items-end gap-2" data-testid="report-range">
            <label className="text-xs text-ink-muted">{t("from")}<Input type="date" name="from" defaultValue={range.from} className="mt-1 w-40" /></label>
            <label className="text-xs text-ink-muted">{t("to")}<Input type="date" name="to" defaultValue={range.to} className="mt-1 w-40" /></label>
            <Button type="submit" variant="outline">{t("apply")}</Button>
          </form>
        </CardContent>
      </Card>
      <ReportCharts report={report} />
      <KbDeflectionCard from={range.fromDate} to={range.toDate} />
    </div>
  );
}
