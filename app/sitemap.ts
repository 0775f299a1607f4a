// /sitemap.xml: the help centre's public pages with their language alternates (hreflang).
// Only public, published articles; empty while "require login" is on (nothing is public then).
import type { MetadataRoute } from "next";
import { env } from "@/server/env";
import { caller } from "@/app/_trpc/server";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env().APP_URL.replace(/\/$/, "");
  const { articles, categories } = await (await caller()).kb.sitemap();
  if (!articles.length && !categories.length) return [];
  const both = (path: string) => ({ languages: { ru: `${base}${path}?lang=ru`, en: `${base}${path}?lang=en` } });
  return [
    { url: `${base}/kb`, changeFrequency: "daily", priority: 0.8, alternates: both("/kb") },
    ...categories.map((c) => ({ url: `${base}/kb/categories/${c.slug}`, changeFrequency: "weekly" as const, alternates: both(`/kb/categories/${c.slug}`) })),
    ...articles.map((a) => ({
      url: `${base}/kb/articles/${a.slug}`,
      lastModified: a.updatedAt,
      changeFrequency: "weekly" as const,
      alternates: { languages: Object.fromEntries(a.languages.map((l) => [l, `${base}/kb/articles/${a.slug}?lang=${l}`])) },
    })),
  ];
}
