// The report page's knowledge-base block: how often a suggestion shown while typing a new
// ticket was opened, and how many of those forms were left without submitting.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BookOpen } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { caller } from "@/app/_trpc/server";

export async function KbDeflectionCard({ from, to }: { from: Date; to: Date }) {
  const t = await getTranslations("kb.report");
  const lang = (await getLocale()) === "en" ? "en" : "ru";
  const r = await (await caller()).kb.report({ from, to, lang });
  const stats = [
    { key: "opens", label: t("opens"), value: String(r.opens) },
    { key: "sessions", label: t("sessions"), value: String(r.sessions) },
    { key: "deflected", label: t("deflected"), value: String(r.deflected), strong: true },
    { key: "submitted", label: t("submitted"), value: String(r.submitted) },
    { key: "votes", label: t("votes"), value: t("votesValue", { yes: r.votes.yes, no: r.votes.no }) },
  ];
  return (
    <Card data-testid="kb-report">
      <CardHeader>
        <CardTitle className="flex items-center gap-2"><BookOpen className="size-4 text-primary-600" aria-hidden />{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5 pt-4 pb-5">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {stats.map((s) => (
            <div key={s.key} className={s.strong ? "rounded-lg bg-success-50 p-3" : "rounded-lg bg-subtle p-3"} data-testid={`kb-report-${s.key}`}>
              <dt className="text-xs text-ink-muted">{s.label}</dt>
              <dd className={s.strong ? "text-xl font-semibold text-success-800" : "text-xl font-semibold text-ink"}>{s.value}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-ink">{t("top")}</h3>
          {r.topDeflecting.length === 0 ? <p className="text-sm text-ink-muted">{t("topEmpty")}</p> : (
            <ol className="space-y-1 text-sm">
              {r.topDeflecting.map((a) => (
                <li key={a.articleId} className="flex justify-between gap-3">
                  <Link href={`/kb/articles/${a.slug}`} className="truncate text-primary-700 hover:underline">{a.title}</Link>
                  <span className="tabular-nums text-ink-muted">{a.count}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
