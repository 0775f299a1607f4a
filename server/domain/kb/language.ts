// Which language version of an article to show: the visitor's, else the other one (either may
// be missing). Pure, shared by pages, search results and the sitemap's alternates.
export type KbLang = "ru" | "en";
export type Bilingual = { titleRu: string; bodyRu: string; titleEn: string; bodyEn: string };

export function hasLang(a: Bilingual, lang: KbLang): boolean {
  return lang === "ru" ? a.titleRu.trim() !== "" : a.titleEn.trim() !== "";
}

/** The languages an article exists in (for hreflang alternates), in a stable order. */
export function languagesOf(a: Bilingual): KbLang[] {
  return (["ru", "en"] as const).filter((l) => hasLang(a, l));
}

export function pickLanguage(a: Bilingual, wanted: KbLang): { lang: KbLang; fallback: boolean; title: string; body: string } {
  const other: KbLang = wanted === "ru" ? "en" : "ru";
  const lang = hasLang(a, wanted) || !hasLang(a, other) ? wanted : other;
  return {
    lang,
    fallback: lang !== wanted,
    title: lang === "ru" ? a.titleRu : a.titleEn,
    body: lang === "ru" ? a.bodyRu : a.bodyEn,
  };
}

/** A category's name in the visitor's language, else the other. */
export function pickName(c: { nameRu: string; nameEn: string }, lang: KbLang): string {
  const first = lang === "ru" ? c.nameRu : c.nameEn;
  return first.trim() ? first : lang === "ru" ? c.nameEn : c.nameRu;
}
