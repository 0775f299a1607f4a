-- Knowledge base and FAQ (issue 20): categories (one level of sub-categories), articles in
-- Russian and English, revisions, votes, suggestion opens (deflection) and images.
-- Search: one generated tsvector per article (Russian + English stemming, titles weigh A,
-- bodies B) with a GIN index, and pg_trgm on the (transliterated) titles for queries with typos.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "KbVisibility" AS ENUM ('PUBLIC', 'CUSTOMERS', 'STAFF');
CREATE TYPE "KbKind" AS ENUM ('ARTICLE', 'FAQ');

CREATE TABLE "kb_categories" (
    "id" SERIAL NOT NULL,
    "parent_id" INTEGER,
    "slug" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL DEFAULT '',
    "name_en" TEXT NOT NULL DEFAULT '',
    "description_ru" TEXT NOT NULL DEFAULT '',
    "description_en" TEXT NOT NULL DEFAULT '',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "kb_categories_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "kb_categories_slug_key" ON "kb_categories"("slug");
CREATE INDEX "kb_categories_parent_id_sort_order_idx" ON "kb_categories"("parent_id", "sort_order");
ALTER TABLE "kb_categories" ADD CONSTRAINT "kb_categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "kb_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "kb_articles" (
    "id" SERIAL NOT NULL,
    "category_id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "KbKind" NOT NULL DEFAULT 'ARTICLE',
    "visibility" "KbVisibility" NOT NULL DEFAULT 'PUBLIC',
    "is_published" BOOLEAN NOT NULL DEFAULT false,
    "published_at" TIMESTAMP(3),
    "title_ru" TEXT NOT NULL DEFAULT '',
    "body_ru" TEXT NOT NULL DEFAULT '',
    "title_en" TEXT NOT NULL DEFAULT '',
    "body_en" TEXT NOT NULL DEFAULT '',
    "plain_ru" TEXT NOT NULL DEFAULT '',
    "plain_en" TEXT NOT NULL DEFAULT '',
    "search_key" TEXT NOT NULL DEFAULT '',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "view_count" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('russian'::regconfig, "title_ru"), 'A') ||
        setweight(to_tsvector('russian'::regconfig, left("plain_ru", 100000)), 'B') ||
        setweight(to_tsvector('english'::regconfig, "title_en"), 'A') ||
        setweight(to_tsvector('english'::regconfig, left("plain_en", 100000)), 'B')
    ) STORED,
    CONSTRAINT "kb_articles_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "kb_articles_slug_key" ON "kb_articles"("slug");
CREATE INDEX "kb_articles_category_id_sort_order_idx" ON "kb_articles"("category_id", "sort_order");
CREATE INDEX "kb_articles_search_vector_idx" ON "kb_articles" USING GIN ("search_vector");
-- typo tolerance: word_similarity(query key, titles key) through the trigram index (operator
-- <%); the key is the titles transliterated to Latin, so it does not depend on LC_CTYPE
CREATE INDEX "kb_articles_search_key_trgm_idx" ON "kb_articles" USING GIN ("search_key" gin_trgm_ops);
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "kb_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "kb_revisions" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "author_id" INTEGER,
    "changed" TEXT[],
    "title_ru" TEXT NOT NULL,
    "body_ru" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "body_en" TEXT NOT NULL,
    "visibility" "KbVisibility" NOT NULL,
    "is_published" BOOLEAN NOT NULL,
    "category_id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "KbKind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "kb_revisions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "kb_revisions_article_id_version_key" ON "kb_revisions"("article_id", "version");
ALTER TABLE "kb_revisions" ADD CONSTRAINT "kb_revisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "kb_revisions" ADD CONSTRAINT "kb_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "kb_votes" (
    "article_id" INTEGER NOT NULL,
    "voter_key" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "kb_votes_pkey" PRIMARY KEY ("article_id", "voter_key")
);
ALTER TABLE "kb_votes" ADD CONSTRAINT "kb_votes_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "kb_deflections" (
    "id" SERIAL NOT NULL,
    "session_key" TEXT NOT NULL,
    "article_id" INTEGER NOT NULL,
    "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMP(3),
    CONSTRAINT "kb_deflections_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "kb_deflections_session_key_article_id_key" ON "kb_deflections"("session_key", "article_id");
CREATE INDEX "kb_deflections_opened_at_idx" ON "kb_deflections"("opened_at");
ALTER TABLE "kb_deflections" ADD CONSTRAINT "kb_deflections_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "kb_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "kb_images" (
    "id" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploader_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "kb_images_pkey" PRIMARY KEY ("id")
);
