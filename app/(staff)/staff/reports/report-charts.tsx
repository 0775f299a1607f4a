"use client";
// The report's charts (Recharts): created vs closed per day, response/resolution percentiles,
// ratings distribution and the per-agent averages.
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import type { TicketReport } from "@/app/_trpc/types";

const C = { primary: "#4f46e5", success: "#12b76a", warning: "#f79009", grid: "#e4e7ec", ink: "#667085" };

function useDuration() {
  const t = useTranslations("reports.duration");
  return (s: number | null) => {
    if (s == null) return t("none");
    if (s < 3600) return t("m", { n: Math.max(1, Math.round(s / 60)) });
    if (s < 86_400 * 2) return t("h", { n: Math.round((s / 3600) * 10) / 10 });
    return t("d", { n: Math.round((s / 86_400) * 10) / 10 });
  };
}

export function ReportCharts({ report }: { report: TicketReport }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const duration = useDuration();
  const totals = report.perDay.reduce((a, d) => ({ created: a.created + d.created, closed: a.closed + d.closed }), { created: 0, closed: 0 });
  const perDay = report.perDay.map((d) => ({ ...d, label: format.dateTime(new Date(`${d.day}T00:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" }) }));
  const ratings = report.ratings.map((r) => ({ ...r, label: t("stars", { n: r.rating }) }));
  const stats = [
    { key: "created", label: t("totalCreated"), value: totals.created.toLocaleString() },
    { key: "closed", label: t("totalClosed"), value: totals.closed.toLocaleString() },
    { key: "first", label: `${t("firstResponse")} · ${t("median")}`, value: duration(report.firstResponse.medianSeconds), sub: `${t("p90")}: ${duration(report.firstResponse.p90Seconds)} · ${t("basedOn", { count: report.firstResponse.count })}` },
    { key: "resolution", label: `${t("resolution")} · ${t("median")}`, value: duration(report.resolution.medianSeconds), sub: `${t("p90")}: ${duration(report.resolution.p90Seconds)} · ${t("basedOn", { count: report.resolution.count })}` },
  ];
  return (
    <div className="space-y-6" data-testid="report">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map((s) => (
          <Card key={s.key} data-testid={`stat-${s.key}`}>
            <CardContent className="pt-4 pb-4">
              <div className="text-xs font-medium text-ink-muted">{s.label}</div>
              <div className="mt-1 text-2xl font-semibold tabular-nums">{s.value}</div>
              {s.sub && <div className="mt-1 text-xs text-ink-subtle">{s.sub}</div>}
            </CardContent>
          </Card>
        ))}
      </div>
      <Card>
        <CardHeader><CardTitle as="h2">{t("createdVsClosed")}</CardTitle></CardHeader>
        <CardContent>
          <div className="h-72" data-testid="chart-per-day" role="img" aria-label={`${t("createdVsClosed")}: ${t("created")} ${totals.created}, ${t("closed")} ${totals.closed}`}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={perDay} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid stroke={C.grid} vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12, fill: C.ink }} tickLine={false} axisLine={{ stroke: C.grid }} minTickGap={16} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: C.ink }} tickLine={false} axisLine={false} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Line type="linear" dataKey="created" name={t("created")} stroke={C.primary} strokeWidth={2} dot={perDay.length <= 45 ? { r: 2.5 } : false} isAnimationActive={false} />
                <Line type="linear" dataKey="closed" name={t("closed")} stroke={C.success} strokeWidth={2} dot={perDay.length <= 45 ? { r: 2.5 } : false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </CardContent>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle as="h2">{t("ratings")}</CardTitle></CardHeader>
          <CardContent>
            <div className="h-64" data-testid="chart-ratings" role="img" aria-label={`${t("ratings")}: ${ratings.map((r) => `${r.label} ${r.count}`).join(", ")}`}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={ratings} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid stroke={C.grid} vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 12, fill: C.ink }} tickLine={false} axisLine={{ stroke: C.grid }} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: C.ink }} tickLine={false} axisLine={false} />
                  <Tooltip cursor={{ fill: "#f2f4f7" }} />
                  <Bar dataKey="count" name={t("ratingsCount")} fill={C.warning} radius={[4, 4, 0, 0]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle as="h2">{t("perAgent")}</CardTitle></CardHeader>
          <CardContent>
            {report.perAgent.length === 0 ? (
              <p className="py-8 text-center text-sm text-ink-subtle">{t("noData")}</p>
            ) : (
              <Table label={t("perAgent")} data-testid="per-agent">
                <THead><TR><TH>{t("agent")}</TH><TH className="text-right">{t("average")}</TH><TH className="text-right">{t("count")}</TH></TR></THead>
                <TBody>
                  {report.perAgent.map((a) => (
                    <TR key={a.agentId ?? "none"}>
                      <TD>{a.name ?? t("unassigned")}</TD>
                      <TD className="text-right tabular-nums">
                        <span className="inline-flex items-center gap-2">
                          <span aria-hidden className="hidden h-1.5 w-20 overflow-hidden rounded-full bg-subtle sm:inline-block"><span className="block h-full rounded-full bg-warning-500" style={{ width: `${(a.average / 5) * 100}%` }} /></span>
                          {a.average.toFixed(2)}
                        </span>
                      </TD>
                      <TD className="text-right tabular-nums text-ink-muted">{a.count}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
