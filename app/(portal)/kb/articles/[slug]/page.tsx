// One article: server-rendered in the visitor's language (or the other one, said so), with
// hreflang alternates, Open Graph tags, a print layout, votes, and related articles.
import type { Metadata } from "next";
import Link from "next/link";
import { Eye, Languages, Lock, Pencil } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { getActor } from "@/app/_lib/actor";
import { isStaff } from "@/server/domain/actor";
import { env } from "@/server/env";
import { kbLang, kbT, loadKb } from "../../_lib/kb-page";
import { KbBreadcrumbs } from "../../_components/kb-breadcrumbs";
import { KbArticleFeedback } from "../../_components/kb-article-feedback";
import { KbPrintButton } from "../../_components/kb-print-button";
import "../../kb-print.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lang?: string }> };

async function load({ params, searchParams }: Props) {
  const { slug } = await params;
  const lang = await kbLang((await searchParams).lang);
  const a = await loadKb(`/kb/articles/${slug}`, (api) => api.kb.article({ slug, lang }));
  return { lang, a, path: `/kb/articles/${slug}` };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { a, path } = await load(props);
  const languages: Record<string, string> = Object.fromEntries(a.languages.map((l) => [l, `${path}?lang=${l}`]));
  return {
    metadataBase: new URL(env().APP_URL),
    title: a.title,
    description: a.description,
    alternates: { canonical: `${path}?lang=${a.lang}`, languages: { ...languages, "x-default": path } },
    openGraph: { title: a.title, description: a.description, type: "article", url: `${path}?lang=${a.lang}`, locale: a.lang === "ru" ? "ru_RU" : "en_US", modifiedTime: a.updatedAt.toISOString() },
    twitter: { card: "summary", title: a.title, description: a.description },
    robots: a.isPublished && a.visibility === "PUBLIC" ? undefined : { index: false },
  };
}

export default async function KbArticlePage(props: Props) {
  const { lang, a, path } = await load(props);
  const t = await kbT(lang);
  const staff = isStaff(await getActor());
  const other = a.languages.find((l) => l !== a.lang);
  const crumbs = [
    { href: "/kb", label: t("nav") },
    ...(a.category.parent ? [{ href: `/kb/categories/${a.category.parent.slug}`, label: a.category.parent.name }] : []),
    { href: `/kb/categories/${a.category.slug}`, label: a.category.name },
  ];
  const date = new Intl.DateTimeFormat(lang === "ru" ? "ru-RU" : "en-GB", { dateStyle: "long" }).format(a.updatedAt);
  return (
    <div className="mx-auto grid max-w-6xl gap-8 lg:grid-cols-[minmax(0,1fr)_17rem]" lang={lang}>
      <article className="min-w-0" lang={a.lang} data-testid="kb-article">
        <KbBreadcrumbs label={t("article.breadcrumbs")} items={crumbs} />
        <div className="flex flex-wrap gap-2">
          {!a.isPublished && <Badge variant="warning">{t("article.draft")}</Badge>}
          {a.visibility === "STAFF" && <Badge variant="danger"><Lock className="size-3" aria-hidden /> {t("article.internal")}</Badge>}
          {a.visibility === "CUSTOMERS" && <Badge variant="info">{t("article.customersOnly")}</Badge>}
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-balance text-ink sm:text-3xl">{a.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-ink-muted">
          <span>{t("article.updated", { date })}</span>
          <span className="inline-flex items-center gap-1"><Eye className="size-3.5" aria-hidden />{t("article.views", { count: a.viewCount })}</span>
          <span className="ml-auto flex items-center gap-1 print:hidden">
            {other && (
              <Button asChild variant="ghost" size="sm"><Link href={`${path}?lang=${other}`} hrefLang={other} lang={other}><Languages className="size-4" aria-hidden />{(await kbT(other))("article.otherLanguage")}</Link></Button>
            )}
            <KbPrintButton label={t("article.print")} />
            {staff && <Button asChild variant="outline" size="sm"><Link href={`/staff/kb/${a.id}`}><Pencil className="size-4" aria-hidden />{t("article.edit")}</Link></Button>}
          </span>
        </div>
        {a.fallback && <Alert variant="info" className="mt-4 print:hidden" data-testid="kb-fallback">{t("article.fallback")}</Alert>}
        {/* sanitized on the server (server/services/kb/render-article.ts) */}
        <div className="prose-message mt-6 text-base" dangerouslySetInnerHTML={{ __html: a.html }} />
        <div className="mt-10">
          <KbArticleFeedback
            articleId={a.id}
            countView={a.isPublished}
            labels={{ question: t("article.helpful"), yes: t("article.yes"), no: t("article.no"), thanks: t("article.thanks"), votes: t.raw("article.votes") as string }}
          />
        </div>
      </article>
      <aside className="space-y-6 lg:pt-10 print:hidden">
        {a.related.length > 0 && (
          <section aria-labelledby="kb-related" className="rounded-xl border border-line bg-surface p-4 shadow-xs">
            <h2 id="kb-related" className="mb-2 text-sm font-semibold text-ink">{t("article.related")}</h2>
            <ul className="space-y-1">
              {a.related.map((r) => (
                <li key={r.id}><Link href={`/kb/articles/${r.slug}`} className="block rounded-md px-2 py-1.5 text-sm text-primary-700 hover:bg-subtle hover:underline" lang={r.lang}>{r.title}</Link></li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="kb-help" className="rounded-xl border border-primary-100 bg-primary-50/60 p-4">
          <h2 id="kb-help" className="text-sm font-semibold text-ink">{t("article.stillNeedHelp")}</h2>
          <p className="mt-1 text-sm text-ink-muted">{t("home.contactBody")}</p>
          <Button asChild size="sm" className="mt-3"><Link href="/tickets/new">{t("article.contact")}</Link></Button>
        </section>
      </aside>
    </div>
  );
}
