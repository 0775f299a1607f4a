// Search results, server-rendered from the same kb.search the suggestions and staff use.
import type { Metadata } from "next";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Badge } from "@/app/_components/ui/badge";
import { kbLang, kbT, loadKb } from "../_lib/kb-page";
import { KbSearchForm } from "../_components/kb-search-form";
import { KbBreadcrumbs } from "../_components/kb-breadcrumbs";
import { KbSnippet } from "../_components/kb-snippet";
import { KbContactCard } from "../_components/kb-contact-card";

type Search = Promise<{ q?: string; lang?: string }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const t = await kbT(await kbLang((await searchParams).lang));
  return { title: t("search.title"), robots: { index: false } };
}

export default async function KbSearchPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const lang = await kbLang(sp.lang);
  const t = await kbT(lang);
  const q = (typeof sp.q === "string" ? sp.q : "").slice(0, 200);
  const res = await loadKb(`/kb/search?q=${encodeURIComponent(q)}`, (api) => api.kb.search({ q, lang, limit: 20 }));
  return (
    <div className="mx-auto max-w-3xl space-y-6" lang={lang}>
      <KbBreadcrumbs label={t("article.breadcrumbs")} items={[{ href: "/kb", label: t("nav") }, { label: t("search.title") }]} />
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{q ? t("search.resultsFor", { q }) : t("search.title")}</h1>
      <KbSearchForm q={q} lang={sp.lang ? lang : undefined} labels={{ label: t("home.searchLabel"), placeholder: t("home.searchPlaceholder"), button: t("home.searchButton") }} />
      {!q ? (
        <p className="text-sm text-ink-muted">{t("search.prompt")}</p>
      ) : res.items.length === 0 ? (
        <EmptyState bordered icon={<SearchX />} title={t("search.none", { q })} description={t("search.noneHint")} />
      ) : (
        <>
          <p className="text-sm text-ink-muted" role="status">{t("search.count", { count: res.items.length })}</p>
          <ol className="divide-y divide-line rounded-xl border border-line bg-surface shadow-xs" data-testid="kb-results">
            {res.items.map((r) => (
              <li key={r.id} className="px-5 py-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={r.path} className="font-semibold text-primary-700 hover:underline" lang={r.lang}>{r.title}</Link>
                  {r.kind === "FAQ" && <Badge variant="info">FAQ</Badge>}
                  {r.fuzzy && <Badge variant="neutral">{t("search.similar")}</Badge>}
                </div>
                <div className="mt-1" lang={r.lang}><KbSnippet segments={r.snippet} /></div>
              </li>
            ))}
          </ol>
        </>
      )}
      <KbContactCard title={t("home.contactTitle")} body={t("home.contactBody")} button={t("home.contactButton")} />
    </div>
  );
}
