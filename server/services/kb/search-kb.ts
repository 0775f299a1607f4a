// KB search, the same for the portal, the new-ticket suggestions and staff: PostgreSQL
// full-text (Russian + English stemming, GIN) ranked by ts_rank_cd — words in most articles by
// title and popularity instead, see search-sql.ts — then, for what stemming cannot match, like
// typos, titles by trigram word similarity (pg_trgm GIN index on the titles transliterated to
// Latin, see searchKey). Plain `pg`, prepared: the statement's plan is the same for any words.
// Snippets come from ts_headline over the plain text of the chosen language, with control
// characters as markers so the result is returned as text segments, never as HTML.
import { searchPool } from "@/server/db/pg-pool";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { visibleLevels } from "@/server/domain/kb/access";
import type { KbLang } from "@/server/domain/kb/language";
import { searchKey } from "@/server/domain/kb/slug";
import { assertKbOpen, articlePath, articleUrl } from "./kb-context";
import { runKbSearch } from "./search-sql";

export type SearchInput = { q: string; lang: KbLang; limit?: number; includeDrafts?: boolean };
export type Segment = { text: string; hit: boolean };

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

export async function searchKb(actor: Actor, input: SearchInput) {
  const s = await assertKbOpen(actor);
  const q = input.q.trim().slice(0, 200);
  if (!q) return { items: [] };
  const levels = visibleLevels(actor, s);
  const drafts = Boolean(input.includeDrafts) && isStaff(actor);
  const limit = Math.min(Math.max(input.limit ?? 10, 1), 50);
  const rows = await runKbSearch(searchPool(), { q, key: searchKey(q), lang: input.lang, levels, drafts, limit });
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
