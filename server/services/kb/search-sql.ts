// The KB search statement as plain SQL with positional parameters: the service runs it through
// Prisma, the bench's floor server through `pg`, so both measure the very same query.
// Full-text hits first — any of the words (a customer's ticket title is a sentence, not a
// query), articles with all of them ranked above the rest — by ts_rank_cd over the ru+en
// vector (GIN); then, only when those do not fill the page, trigram hits on the transliterated
// titles (pg_trgm GIN, operator <%) that full text missed; ts_headline only for the rows
// returned, over the plain text of the language each row is shown in.

/**
 * Run in the same transaction first. Below the default 0.6: one wrong letter in a five-letter
 * word (porol → parol) shares 3 of 9 trigrams (0.33); fuzzy hits only ever follow full-text ones.
 */
export const KB_TRGM_THRESHOLD_SQL = "SELECT set_config('pg_trgm.word_similarity_threshold', '0.3', true)";

export type KbSearchParams = { q: string; key: string; lang: "ru" | "en"; levels: string[]; drafts: boolean; limit: number };

/**
 * Ranking reads each matching article's whole vector; a word in most articles would make that
 * thousands of reads. So at most this many matches per tier (all words / any word) are ranked —
 * the most viewed ones, found through the GIN index alone — which bounds the cost of any query.
 */
const CANDIDATES = 200;

const TEXT = `
WITH q0 AS (SELECT websearch_to_tsquery('russian', $1::text) || websearch_to_tsquery('english', $1::text) AS all_words),
q AS (SELECT all_words, replace(all_words::text, '&', '|')::tsquery AS tsq FROM q0),
cand_all AS (
  SELECT a.id FROM kb_articles a, q
  WHERE a.search_vector @@ q.all_words AND a.visibility::text = ANY($4::text[]) AND (a.is_published OR $5::boolean)
  ORDER BY a.view_count DESC, a.id LIMIT ${CANDIDATES}
),
cand_any AS (
  SELECT a.id FROM kb_articles a, q
  WHERE (SELECT count(*) FROM cand_all) < ${CANDIDATES} AND a.search_vector @@ q.tsq
    AND a.visibility::text = ANY($4::text[]) AND (a.is_published OR $5::boolean) AND a.id NOT IN (SELECT id FROM cand_all)
  ORDER BY a.view_count DESC, a.id LIMIT ${CANDIDATES}
),
fts AS (
  SELECT a.id, ts_rank_cd(a.search_vector, q.tsq) + c.boost AS score
  FROM (SELECT id, 1 AS boost FROM cand_all UNION ALL SELECT id, 0 FROM cand_any) c JOIN kb_articles a ON a.id = c.id, q
  ORDER BY score DESC, a.id LIMIT $6::int
),
fuzzy AS (
  SELECT a.id, word_similarity($2::text, a.search_key) AS score
  FROM kb_articles a
  WHERE (SELECT count(*) FROM fts) < $6::int AND $2::text <> '' AND $2::text <% a.search_key AND a.visibility::text = ANY($4::text[]) AND (a.is_published OR $5::boolean)
    AND a.id NOT IN (SELECT id FROM fts)
  ORDER BY score DESC, a.id LIMIT $6::int
),
hits AS (
  SELECT id, score, 0 AS tier FROM fts UNION ALL SELECT id, score, 1 FROM fuzzy
  ORDER BY tier, score DESC, id LIMIT $6::int
),
picked AS (
  SELECT a.*, h.tier, h.score,
    CASE WHEN ($3::text = 'en' AND a.title_en <> '') OR a.title_ru = '' THEN 'en' ELSE 'ru' END AS lang
  FROM hits h JOIN kb_articles a ON a.id = h.id
)
SELECT p.id, p.slug, p.kind::text AS kind, p.visibility::text AS visibility, p.is_published, p.lang, p.tier,
  CASE WHEN p.lang = 'en' THEN p.title_en ELSE p.title_ru END AS title,
  ts_headline(CASE WHEN p.lang = 'en' THEN 'english'::regconfig ELSE 'russian'::regconfig END,
    left(CASE WHEN p.lang = 'en' THEN p.plain_en ELSE p.plain_ru END, 20000), (SELECT tsq FROM q),
    'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=26, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS headline
FROM picked p
ORDER BY p.tier, p.score DESC, p.id`;

export function kbSearchQuery(p: KbSearchParams): { text: string; values: unknown[] } {
  return { text: TEXT, values: [p.q, p.key, p.lang, p.levels, p.drafts, p.limit] };
}
