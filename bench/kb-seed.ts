// The bench's knowledge base: N articles (default 10,000) in 40 categories, each with a
// Russian and (for 3 in 4) an English version of 150–400 words from the bench vocabulary, so
// the KB search measure runs against a help centre far larger than most teams will write.
import pg from "pg";
import { rng, sentence, text, vocab } from "./vocab";
import { searchKey } from "@/server/domain/kb/slug";

const BATCH = 500;

export async function seedKb(url: string, articles: number, log: (s: string) => void): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const have = Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM kb_articles")).rows[0]!.n);
    if (have >= articles) {
      await c.query("VACUUM ANALYZE kb_articles"); // cheap when nothing changed; see below
      return have;
    }
    log(`seeding ${articles.toLocaleString("en")} KB articles …`);
    const r = rng(20261202);
    const cats: number[] = [];
    for (let i = 0; i < 40; i++) {
      const row = await c.query<{ id: number }>(
        `INSERT INTO kb_categories (slug, name_ru, name_en) VALUES ($1, $2, $3) ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
        [`bench-${i}`, sentence(vocab.ru, r, 1, 2), sentence(vocab.en, r, 1, 2)],
      );
      cats.push(row.rows[0]!.id);
    }
    for (let at = have; at < articles; at += BATCH) {
      const rows: unknown[][] = [];
      for (let i = at; i < Math.min(articles, at + BATCH); i++) {
        const titleRu = sentence(vocab.ru, r, 3, 7);
        const bodyRu = text(vocab.ru, r, 150 + Math.floor(r() * 250));
        const en = r() < 0.75;
        const titleEn = en ? sentence(vocab.en, r, 3, 7) : "";
        const bodyEn = en ? text(vocab.en, r, 150 + Math.floor(r() * 250)) : "";
        const visibility = i % 20 === 0 ? "STAFF" : i % 7 === 0 ? "CUSTOMERS" : "PUBLIC";
        rows.push([cats[i % cats.length], `bench-article-${i}`, visibility, i % 25 !== 0, titleRu, bodyRu, titleEn, bodyEn, searchKey(`${titleRu} ${titleEn}`)]);
      }
      await c.query(
        `INSERT INTO kb_articles (category_id, slug, visibility, is_published, title_ru, body_ru, title_en, body_en, plain_ru, plain_en, search_key, updated_at)
         SELECT x.c, x.s, x.v::"KbVisibility", x.p, x.tr, x.br, x.te, x.be, x.br, x.be, x.k, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(c int, s text, v text, p boolean, tr text, br text, te text, be text, k text)`,
        [JSON.stringify(rows.map(([cc, s, v, p, tr, br, te, be, k]) => ({ c: cc, s, v, p, tr, br, te, be, k })))],
      );
    }
    // VACUUM too: a bulk insert leaves the GIN indexes' pending lists full (fastupdate), which
    // every search then scans; autovacuum would merge them on a live site within minutes
    await c.query("VACUUM ANALYZE kb_articles");
    return articles;
  } finally {
    await c.end();
  }
}

/** What the KB measure asks: a head word (many hits), a tail word, a typo, a two-word query. */
export function kbSearchTerms(): string[] {
  const ru = vocab.ru.words;
  const en = vocab.en.words;
  return [ru[7]!, ru[1500]!, en[5]!, `${ru[3]!} ${ru[40]!}`, ru[7]!.slice(0, -1) + "о", en[900]!];
}
