// The KB search statement as plain SQL with positional parameters, and its runner: the service
// and the bench's floor server both call runKbSearch, so both measure the very same query.
// Full-text hits first — any of the words (a customer's ticket title is a sentence, not a
// query), articles with all of them above the rest; then, only when those do not fill the
// page, trigram hits on the transliterated titles (pg_trgm GIN, operator <%) that full text
// missed; ts_headline only for the rows returned, over the plain text of the language each row
// is shown in.
//
// Cost (issue 20's bench: 10,000 articles, p95 ≤ 50 ms at 16 connections on 2 cores, so a few
// ms of CPU per search): reading an article's vector (TOAST) is the unit, and ts_rank_cd over
// a whole body costs several reads. So no search reads more than ~PROBE + a page or two of
// vectors, and which ones depends on how common the words are:
// * the probes walk the PROBE most popular articles (search_rank index, migration 0024) and
//   stop at a page of matches. A page found → the words are common: the page comes from the
//   probe plus the first title hits (title_vector, own GIN index), ordered by ts_rank_cd over
//   the titles only, then popularity — instead of thousands of GIN hits fetched and sorted;
// * otherwise the GIN index finds the (fewer) matches; the most popular CANDIDATES of them,
//   those with a word in the title first, are ranked by ts_rank_cd over the whole vector.
// "All words" and "any word" are decided separately, so a common word next to a rare one still
// puts the articles with both first.

import type pg from "pg";
import { preparedName } from "@/server/db/pg-pool";

export type KbSearchParams = { q: string; key: string; lang: "ru" | "en"; levels: string[]; drafts: boolean; limit: number };

/** Most popular articles checked for the words: words on ≥ limit of the visible ones are "common". */
const PROBE = 60;

/** Rarer words: at most this many GIN matches per tier (all words / any word) are ranked. */
const CANDIDATES = "($6::int + 10)";

const VISIBLE = "a.visibility::text = ANY($4::text[]) AND (a.is_published OR $5::boolean)";

// ts_match_vq is the function behind @@: written as a call, no GIN index can serve it, so the
// probe always walks the popularity index. Each probe stops at a page of matches (no ORDER BY:
// which popular matches they are does not matter, the page is ordered below), so a word in
// most articles costs ~a page of vector reads; a rarer one costs PROBE reads.
const MATCHES = `
WITH q0 AS (SELECT websearch_to_tsquery('russian', $1::text) || websearch_to_tsquery('english', $1::text) AS all_words),
q AS (SELECT all_words, replace(all_words::text, '&', '|')::tsquery AS tsq FROM q0),
popular AS (
  SELECT a.id, a.search_vector
  FROM (SELECT id FROM kb_articles ORDER BY search_rank DESC, id LIMIT ${PROBE}) p JOIN kb_articles a ON a.id = p.id
  WHERE ${VISIBLE}
),
probe_all AS MATERIALIZED (
  SELECT p.id
  FROM popular p, q WHERE ts_match_vq(p.search_vector, q.all_words) LIMIT $6::int
),
probe_any AS MATERIALIZED (
  SELECT p.id
  FROM popular p, q
  WHERE (SELECT count(*) FROM probe_all) < $6::int AND q.all_words::text <> q.tsq::text
    AND p.id NOT IN (SELECT id FROM probe_all) AND ts_match_vq(p.search_vector, q.tsq)
  LIMIT $6::int
),
tier AS (
  SELECT (SELECT count(*) FROM probe_all) >= $6::int AS all_common,
    (SELECT count(*) FROM probe_all) + (SELECT count(*) FROM probe_any) >= $6::int AS any_common
),
cand_all AS (
  (SELECT id, true AS cheap FROM probe_all WHERE (SELECT all_common FROM tier))
  UNION
  -- titles have their own (small) GIN index: title hits beyond the probe still compete — the
  -- first ones the index yields, unsorted, so a title word in thousands of articles stays cheap
  (SELECT a.id, true FROM kb_articles a, q
   WHERE (SELECT all_common FROM tier) AND a.title_vector @@ q.all_words AND ${VISIBLE} LIMIT $6::int)
  UNION
  (SELECT a.id, false FROM kb_articles a, q
   WHERE NOT (SELECT all_common FROM tier) AND a.search_vector @@ q.all_words AND ${VISIBLE}
   ORDER BY a.title_vector @@ q.tsq DESC, a.view_count DESC, a.id LIMIT ${CANDIDATES})
),
cand_any AS (
  (SELECT id, true AS cheap FROM probe_any WHERE (SELECT any_common FROM tier) AND (SELECT count(*) FROM cand_all) < $6::int)
  UNION
  (SELECT a.id, true FROM kb_articles a, q
   WHERE (SELECT any_common FROM tier) AND (SELECT count(*) FROM cand_all) < $6::int AND a.title_vector @@ q.tsq
     AND ${VISIBLE} AND a.id NOT IN (SELECT id FROM cand_all) LIMIT $6::int)
  UNION
  (SELECT a.id, false FROM kb_articles a, q
   WHERE NOT (SELECT any_common FROM tier) AND (SELECT count(*) FROM cand_all) < $6::int AND a.search_vector @@ q.tsq
     AND ${VISIBLE} AND a.id NOT IN (SELECT id FROM cand_all)
   ORDER BY a.title_vector @@ q.tsq DESC, a.view_count DESC, a.id LIMIT ${CANDIDATES})
),
-- common words: ranked by the titles only (the bodies nearly all have them) and then popularity;
-- rarer ones: ts_rank_cd over the whole vector
fts AS (
  SELECT a.id, row_number() OVER (ORDER BY s.score DESC, a.view_count DESC, a.id) AS ord
  FROM (SELECT id, 1 AS boost, cheap FROM cand_all UNION ALL SELECT id, 0, cheap FROM cand_any) c JOIN kb_articles a ON a.id = c.id, q,
    LATERAL (SELECT c.boost + CASE WHEN c.cheap THEN ts_rank_cd(a.title_vector, q.tsq) ELSE ts_rank_cd(a.search_vector, q.tsq) END AS score) s
  ORDER BY ord LIMIT $6::int
),
fuzzy AS (
  SELECT a.id, row_number() OVER (ORDER BY word_similarity($2::text, a.search_key) DESC, a.id) AS ord
  FROM kb_articles a
  WHERE (SELECT count(*) FROM fts) < $6::int AND $2::text <> '' AND $2::text <% a.search_key AND ${VISIBLE}
    AND a.id NOT IN (SELECT id FROM fts)
  ORDER BY ord LIMIT $6::int
),
hits AS (
  SELECT id, ord, 0 AS tier FROM fts UNION ALL SELECT id, ord, 1 FROM fuzzy
  ORDER BY tier, ord LIMIT $6::int
)`;

// Snippets: ts_headline parses and stems all of the text it gets (~1 ms for 400 words), so it
// gets ~60 words around the first place a query stem (minus its last letter: reply → repli)
// occurs in the body; no such place (the words are only in the title or the other language) →
// the first ~60 words, which is what ts_headline shows for a text without hits anyway. Only
// when a window around a found place has no highlight (a stem that merely looks like a prefix)
// does it get the whole text.
const SNIPPETS = `,
keys AS (
  SELECT coalesce(array_agg(DISTINCT left(l, CASE WHEN length(l) >= 5 THEN length(l) - 1 ELSE length(l) END)), '{}') AS k
  FROM unnest(tsvector_to_array(to_tsvector('russian', $1::text) || to_tsvector('english', $1::text))) l
),
picked AS MATERIALIZED (
  SELECT a.id, a.slug, a.kind, a.visibility, a.is_published, h.tier, h.ord, v.lang,
    CASE WHEN v.lang = 'en' THEN 'english'::regconfig ELSE 'russian'::regconfig END AS cfg,
    CASE WHEN v.lang = 'en' THEN a.title_en ELSE a.title_ru END AS title,
    -- || '' reads the body once here, not once per use below
    CASE WHEN v.lang = 'en' THEN a.plain_en ELSE a.plain_ru END || '' AS body
  FROM hits h JOIN kb_articles a ON a.id = h.id,
    LATERAL (SELECT CASE WHEN ($3::text = 'en' AND a.title_en <> '') OR a.title_ru = '' THEN 'en' ELSE 'ru' END AS lang) v
),
-- MATERIALIZED: each headline is computed once, not once per reference
lit AS MATERIALIZED (
  SELECT p.id, p.slug, p.kind, p.visibility, p.is_published, p.tier, p.ord, p.lang, p.cfg, p.title, p.body,
    w.at, ts_headline(p.cfg,
      -- whole words only: drop what the window cut in half at either end
      regexp_replace(regexp_replace(substr(p.body, w.start, 300),
        CASE WHEN w.start > 1 THEN '^\\S*\\s+' ELSE '^$' END, ''),
        CASE WHEN w.start + 300 <= length(p.body) THEN '\\s+\\S*$' ELSE '^$' END, ''),
      (SELECT tsq FROM q), $7::text) AS near
  FROM picked p,
    -- case-sensitive first (cheap, and words are mostly lower case), lower() only when that fails
    LATERAL (SELECT coalesce(min(nullif(strpos(p.body, k), 0)), min(nullif(strpos(lower(p.body), k), 0))) AS at
      FROM unnest((SELECT k FROM keys)) k) f,
    LATERAL (SELECT f.at, coalesce(greatest(f.at - 100, 1), 1) AS start) w
)
SELECT l.id, l.slug, l.kind::text AS kind, l.visibility::text AS visibility, l.is_published, l.lang, l.tier, l.title,
  CASE WHEN l.at IS NULL OR strpos(l.near, chr(1)) > 0 THEN l.near ELSE ts_headline(l.cfg, left(l.body, 20000), (SELECT tsq FROM q), $7::text) END AS headline
FROM lit l
ORDER BY l.tier, l.ord`;

const HEADLINE_OPTIONS = "StartSel=\u0001, StopSel=\u0002, MaxWords=26, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

export function kbSearchQuery(p: KbSearchParams): { text: string; values: unknown[] } {
  return { text: MATCHES + SNIPPETS, values: [p.q, p.key, p.lang, p.levels, p.drafts, p.limit, HEADLINE_OPTIONS] };
}

export type KbSearchRow = { id: number; slug: string; kind: "ARTICLE" | "FAQ"; visibility: string; is_published: boolean; lang: "ru" | "en"; title: string; headline: string; tier: number };

/**
 * Runs the search on a `pg` pool as a prepared statement (planning it costs about as much as
 * running it). Its plan does not depend on the values: the words reach the tsquery through a
 * CTE, never as a planning-time constant, and the tier is chosen while it runs. The pool is
 * searchPool() or one opened with SEARCH_SESSION_OPTIONS (server/db/pg-pool.ts): its sessions
 * force the generic plan and set the trigram threshold, so the search is one round trip.
 */
export async function runKbSearch(pool: pg.Pool, p: KbSearchParams): Promise<KbSearchRow[]> {
  const sql = kbSearchQuery(p);
  const r = await pool.query<KbSearchRow>({ name: preparedName("kb-search", sql.text), text: sql.text, values: sql.values });
  return r.rows;
}
