// The help centre's front page: search, topics with their sections, popular articles.
import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen, ChevronRight, FileText, Folder } from "lucide-react";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { kbLang, kbT, loadKb } from "./_lib/kb-page";
import { KbSearchForm } from "./_components/kb-search-form";
import { KbContactCard } from "./_components/kb-contact-card";

type Search = Promise<{ lang?: string }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const lang = await kbLang((await searchParams).lang);
  const t = await kbT(lang);
  return {
    title: t("nav"),
    description: t("home.description"),
    alternates: { canonical: `/kb?lang=${lang}`, languages: { ru: "/kb?lang=ru", en: "/kb?lang=en", "x-default": "/kb" } },
    openGraph: { title: t("nav"), description: t("home.description"), type: "website", url: `/kb?lang=${lang}`, locale: lang === "ru" ? "ru_RU" : "en_US" },
  };
}

export default async function KbHomePage({ searchParams }: { searchParams: Search }) {
  const lang = await kbLang((await searchParams).lang);
  const t = await kbT(lang);
  const home = await loadKb("/kb", (api) => api.kb.home({ lang }));
  return (
    <div className="space-y-10" lang={lang}>
      <section className="-mx-4 -mt-6 border-b border-line bg-gradient-to-b from-primary-50 to-canvas px-4 pt-10 pb-10 sm:-mx-6 sm:-mt-8 sm:px-6 sm:pt-14 lg:-mx-8 lg:px-8">
        <div className="mx-auto flex max-w-2xl flex-col items-center gap-4 text-center">
          <span className="inline-flex size-11 items-center justify-center rounded-xl bg-primary-600 text-white shadow-sm"><BookOpen className="size-5" aria-hidden /></span>
          <h1 className="text-3xl font-semibold tracking-tight text-ink sm:text-4xl">{t("home.title")}</h1>
          <p className="text-base text-ink-muted">{t("home.description")}</p>
          <KbSearchForm size="lg" lang={lang} labels={{ label: t("home.searchLabel"), placeholder: t("home.searchPlaceholder"), button: t("home.searchButton") }} />
        </div>
      </section>

      {home.categories.length === 0 ? (
        <EmptyState bordered icon={<BookOpen />} title={t("home.empty")} />
      ) : (
        <section aria-labelledby="kb-topics" className="space-y-4">
          <h2 id="kb-topics" className="text-lg font-semibold text-ink">{t("home.topics")}</h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="kb-categories">
            {home.categories.map((c) => (
              <li key={c.id} className="group relative flex flex-col rounded-xl border border-line bg-surface p-5 shadow-xs transition hover:border-primary-300 hover:shadow-sm">
                <div className="flex items-start gap-3">
                  <span className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary-50 text-primary-700"><Folder className="size-4.5" aria-hidden /></span>
                  <div className="min-w-0">
                    <h3 className="font-semibold text-ink">
                      <Link href={`/kb/categories/${c.slug}`} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none">{c.name}</Link>
                    </h3>
                    <p className="text-xs text-ink-subtle">{t("home.count", { count: c.count })}</p>
                  </div>
                </div>
                {c.description && <p className="mt-3 line-clamp-2 text-sm text-ink-muted">{c.description}</p>}
                {c.children.length > 0 && (
                  <ul className="relative z-10 mt-3 flex flex-wrap gap-1.5">
                    {c.children.map((x) => (
                      <li key={x.id}><Link href={`/kb/categories/${x.slug}`} className="inline-flex rounded-full bg-subtle px-2.5 py-0.5 text-xs text-ink-muted hover:bg-primary-50 hover:text-primary-800">{x.name}</Link></li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {home.popular.length > 0 && (
        <section aria-labelledby="kb-popular" className="space-y-4">
          <h2 id="kb-popular" className="text-lg font-semibold text-ink">{t("home.popular")}</h2>
          <ul className="grid gap-x-8 rounded-xl border border-line bg-surface px-2 py-1 shadow-xs md:grid-cols-2">
            {home.popular.map((a) => (
              <li key={a.id} className="border-b border-line last:border-0 md:[&:nth-last-child(2):nth-child(odd)]:border-0">
                <Link href={`/kb/articles/${a.slug}`} className="group flex items-center gap-3 rounded-lg px-3 py-3 hover:bg-subtle">
                  <FileText className="size-4 shrink-0 text-ink-subtle" aria-hidden />
                  <span className="min-w-0 flex-1 truncate text-sm font-medium text-ink group-hover:text-primary-700" lang={a.lang}>{a.title}</span>
                  <ChevronRight className="size-4 shrink-0 text-ink-subtle" aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <KbContactCard title={t("home.contactTitle")} body={t("home.contactBody")} button={t("home.contactButton")} />
    </div>
  );
}
