-- KB search cheap at 10,000 articles (issue 20, bench "KB search, 10,000 articles"): reading an
-- article's search_vector (TOAST) is what a search pays per article, so
-- * search_rank: for words in most articles the search walks the articles in popularity order
--   and stops after a page of matches instead of fetching and sorting thousands of GIN hits. The
--   order is views in powers of two, so a page view moves an article in this index only when its
--   count doubles: the other view-count updates stay HOT and do not touch the GIN indexes.
-- * title_vector: both titles alone (small, stored inline, own GIN index), so the search can
--   prefer articles with the words in the title when it picks which matches to rank, without
--   reading bodies.
ALTER TABLE "kb_articles"
    ADD COLUMN "search_rank" INTEGER GENERATED ALWAYS AS (floor(ln(("view_count" + 1)::double precision) / ln(2::double precision))::integer) STORED,
    ADD COLUMN "title_vector" tsvector GENERATED ALWAYS AS (
        to_tsvector('russian'::regconfig, "title_ru") || to_tsvector('english'::regconfig, "title_en")
    ) STORED;
CREATE INDEX "kb_articles_search_rank_id_idx" ON "kb_articles"("search_rank" DESC, "id");
CREATE INDEX "kb_articles_title_vector_idx" ON "kb_articles" USING GIN ("title_vector");
