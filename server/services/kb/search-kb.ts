// KB search, the same for the portal, the new-ticket suggestions and staff: PostgreSQL
// full-text (Russian + English stemming, one GIN index) ranked by ts_rank_cd, then — for what
// stemming cannot match, like typos — titles by trigram word similarity (pg_trgm GIN index on
// the titles transliterated to Latin, see searchKey).
// Snippets come from ts_headline over the plain text of the chosen language, with control
// characters as markers so the result is returned as text segments, never as HTML.
import { Prisma } from "@/server/generated/prisma/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { visibleLevels } from "@/server/domain/kb/access";
import type { KbLang } from "@/server/domain/kb/language";
import { searchKey } from "@/server/domain/kb/slug";
import { assertKbOpen, articlePath, articleUrl } from "./kb-context";

export type SearchInput = { q: string; lang: KbLang; limit?: number; includeDrafts?: boolean };
export type Segment = { text: string; hit: boolean };
type Row = { id: number; slug: string; kind: "ARTICLE" | "FAQ"; visibility: string; is_published: boolean; lang: KbLang; title: string; headline: string; tier: number };

/**
 * Below the default 0.6: one wrong letter in a five-letter word (porol → parol) shares 3 of 9
 * trigrams (0.33). Fuzzy hits only ever come after the full-text ones, so looser is cheap.
 */
const WORD_SIMILARITY = 0.3;
const START = "\u0001";
const STOP = "\u0002";

/** ts_headline output with our markers → segments the UI renders as text and <mark>. */
export function toSegments(headline: string): Segment[] {
  const out: Segment[] = [];
  for (const part of headline.split(START)) {
    const [hit, rest] = part.includes(STOP) ? part.split(STOP, 2) : [null, part];
    if (hit) out.push({ text: hit, hit: true });
    if (rest) out.push({ text: rest, hit: false });
  }
  return out;
}

function searchSql(q: string, key: string, lang: KbLang, levels: string[], drafts: boolean, limit: number) {
  return Prisma.sql`
    WITH q AS (SELECT websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}) AS tsq),
    fts AS (
      SELECT a.id, ts_rank_cd(a.search_vector, q.tsq) AS score
      FROM kb_articles a, q
      WHERE a.search_vector @@ q.tsq AND a.visibility::text = ANY(${levels}) AND (a.is_published OR ${drafts})
      ORDER BY score DESC, a.id LIMIT ${limit}
    ),
    fuzzy AS (
      SELECT a.id, word_similarity(${key}, a.search_key) AS score
      FROM kb_articles a
      WHERE ${key} <% a.search_key AND a.visibility::text = ANY(${levels}) AND (a.is_published OR ${drafts})
        AND a.id NOT IN (SELECT id FROM fts)
      ORDER BY score DESC, a.id LIMIT ${limit}
    ),
    hits AS (
      SELECT id, score, 0 AS tier FROM fts UNION ALL SELECT id, score, 1 FROM fuzzy
      ORDER BY tier, score DESC, id LIMIT ${limit}
    ),
    picked AS (
      SELECT a.*, h.tier, h.score,
        CASE WHEN (${lang} = 'en' AND a.title_en <> '') OR a.title_ru = '' THEN 'en' ELSE 'ru' END AS lang
      FROM hits h JOIN kb_articles a ON a.id = h.id
    )
    SELECT p.id, p.slug, p.kind::text AS kind, p.visibility::text AS visibility, p.is_published, p.lang, p.tier,
      CASE WHEN p.lang = 'en' THEN p.title_en ELSE p.title_ru END AS title,
      ts_headline(CASE WHEN p.lang = 'en' THEN 'english'::regconfig ELSE 'russian'::regconfig END,
        left(CASE WHEN p.lang = 'en' THEN p.plain_en ELSE p.plain_ru END, 20000), (SELECT tsq FROM q),
        'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=26, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS headline
    FROM picked p
    ORDER BY p.tier, p.score DESC, p.id`;
}

export async function searchKb(actor: Actor, input: SearchInput) {
  const s = await assertKbOpen(actor);
  const q = input.q.trim().slice(0, 200);
  if (!q) return { items: [] };
  const levels = visibleLevels(actor, s);
  const drafts = Boolean(input.includeDrafts) && isStaff(actor);
  const limit = Math.min(Math.max(input.limit ?? 10, 1), 50);
  const rows = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`;
    return tx.$queryRaw<Row[]>(searchSql(q, searchKey(q), input.lang, levels, drafts, limit));
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      title: r.title,
      lang: r.lang,
      path: articlePath(r.slug),
      url: articleUrl(r.slug),
      snippet: toSegments(r.headline),
      fuzzy: r.tier === 1,
      ...(isStaff(actor) ? { visibility: r.visibility, isPublished: r.is_published } : {}),
    })),
  };
}
