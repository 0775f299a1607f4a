// A topic or section: its sections, its articles, and its FAQ as an accordion (<details>, so
// it opens without JavaScript and prints expanded answers via the print stylesheet).
import type { Metadata } from "next";
import Link from "next/link";
import { ChevronDown, FileText, Folder } from "lucide-react";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Badge } from "@/app/_components/ui/badge";
import { kbLang, kbT, loadKb } from "../../_lib/kb-page";
import { KbBreadcrumbs } from "../../_components/kb-breadcrumbs";
import { KbContactCard } from "../../_components/kb-contact-card";
import "../../kb-print.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lang?: string }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const lang = await kbLang((await searchParams).lang);
  const c = await loadKb(`/kb/categories/${slug}`, (api) => api.kb.category({ slug, lang }));
  const path = `/kb/categories/${slug}`;
  return {
    title: c.name,
    description: c.description || undefined,
    alternates: { canonical: `${path}?lang=${lang}`, languages: { ru: `${path}?lang=ru`, en: `${path}?lang=en`, "x-default": path } },
    openGraph: { title: c.name, description: c.description || undefined, type: "website", url: `${path}?lang=${lang}` },
  };
}

export default async function KbCategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const lang = await kbLang((await searchParams).lang);
  const t = await kbT(lang);
  const c = await loadKb(`/kb/categories/${slug}`, (api) => api.kb.category({ slug, lang }));
  const crumbs = [{ href: "/kb", label: t("nav") }, ...(c.parent ? [{ href: `/kb/categories/${c.parent.slug}`, label: c.parent.name }] : []), { label: c.name }];
  const empty = !c.children.length && !c.articles.length && !c.faq.length;
  return (
    <div className="mx-auto max-w-3xl space-y-8" lang={lang}>
      <div>
        <KbBreadcrumbs label={t("article.breadcrumbs")} items={crumbs} />
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{c.name}</h1>
        {c.description && <p className="mt-2 text-base text-ink-muted">{c.description}</p>}
      </div>
      {empty && <EmptyState bordered icon={<FileText />} title={t("category.empty")} />}
      {c.children.length > 0 && (
        <section aria-labelledby="kb-sections" className="space-y-3">
          <h2 id="kb-sections" className="text-sm font-semibold tracking-wide text-ink-muted uppercase">{t("category.sections")}</h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {c.children.map((x) => (
              <li key={x.id}>
                <Link href={`/kb/categories/${x.slug}`} className="flex items-center gap-3 rounded-xl border border-line bg-surface p-4 shadow-xs hover:border-primary-300">
                  <Folder className="size-4.5 text-primary-600" aria-hidden />
                  <span className="flex-1 font-medium text-ink">{x.name}</span>
                  <span className="text-xs text-ink-subtle">{t("home.count", { count: x.count })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c.articles.length > 0 && (
        <section aria-labelledby="kb-articles" className="space-y-3">
          <h2 id="kb-articles" className="text-sm font-semibold tracking-wide text-ink-muted uppercase">{t("category.articles")}</h2>
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface shadow-xs" data-testid="kb-article-list">
            {c.articles.map((a) => (
              <li key={a.id}>
                <Link href={`/kb/articles/${a.slug}`} className="group block px-5 py-4 hover:bg-subtle/60">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-ink group-hover:text-primary-700" lang={a.lang}>{a.title}</span>
                    {!a.isPublished && <Badge variant="warning">{t("staff.draft")}</Badge>}
                    {a.visibility === "STAFF" && <Badge variant="danger">{t("visibility.STAFF")}</Badge>}
                  </span>
                  {a.excerpt && <span className="mt-1 line-clamp-2 block text-sm text-ink-muted" lang={a.lang}>{a.excerpt}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c.faq.length > 0 && (
        <section aria-labelledby="kb-faq" className="space-y-3">
          <h2 id="kb-faq" className="text-sm font-semibold tracking-wide text-ink-muted uppercase">{t("category.faq")}</h2>
          <div className="divide-y divide-line rounded-xl border border-line bg-surface shadow-xs" data-testid="kb-faq">
            {c.faq.map((f) => (
              <details key={f.id} id={f.slug} className="group kb-faq" lang={f.lang}>
                <summary className="flex cursor-pointer list-none items-center gap-3 px-5 py-4 font-medium text-ink hover:bg-subtle/60 [&::-webkit-details-marker]:hidden">
                  <span className="flex-1">{f.question}</span>
                  <ChevronDown className="size-4 shrink-0 text-ink-subtle transition-transform group-open:rotate-180" aria-hidden />
                </summary>
                {/* sanitized on the server (server/services/kb/render-article.ts) */}
                <div className="prose-message px-5 pb-5" dangerouslySetInnerHTML={{ __html: f.answerHtml }} />
              </details>
            ))}
          </div>
        </section>
      )}
      <KbContactCard title={t("home.contactTitle")} body={t("home.contactBody")} button={t("home.contactButton")} />
    </div>
  );
}
