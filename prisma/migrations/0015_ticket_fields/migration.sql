-- Issue 15 points 1-3: priorities, sub-categories, custom fields.
--
-- Priorities: a table like statuses, four seeded rows, and tickets.priority_id. Existing tickets
-- get "normal" (id 2) through a constant default, which PostgreSQL stores in the catalogue
-- without rewriting a million rows; new rows then default to whichever priority is marked
-- default (default_priority_id()), so every insert path — Prisma, mail ingest's raw INSERT,
-- the bench seed — gets one without knowing about priorities.
CREATE TABLE "priorities" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#64748b',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "is_urgent" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "priorities_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "priorities_key_key" ON "priorities"("key");

INSERT INTO "priorities" ("id", "key", "name_ru", "name_en", "color", "is_default", "is_urgent", "sort_order") VALUES
    (1, 'low', 'Низкий', 'Low', '#64748b', false, false, 10),
    (2, 'normal', 'Обычный', 'Normal', '#2563eb', true, false, 20),
    (3, 'high', 'Высокий', 'High', '#d97706', false, false, 30),
    (4, 'urgent', 'Срочный', 'Urgent', '#dc2626', false, true, 40);
SELECT setval(pg_get_serial_sequence('priorities', 'id'), 4);

CREATE FUNCTION default_priority_id() RETURNS INTEGER LANGUAGE sql STABLE AS $$
    SELECT id FROM priorities ORDER BY is_default DESC, sort_order, id LIMIT 1
$$;

ALTER TABLE "tickets" ADD COLUMN "priority_id" INTEGER NOT NULL DEFAULT 2;
ALTER TABLE "tickets" ALTER COLUMN "priority_id" SET DEFAULT default_priority_id();
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_priority_id_fkey" FOREIGN KEY ("priority_id") REFERENCES "priorities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "tickets_priority_id_last_activity_at_id_idx" ON "tickets"("priority_id", "last_activity_at" DESC, "id" DESC);
-- the queue's urgent badge counts open tickets of the urgent priorities (capped at 1,000): an
-- index-only scan here instead of heap visits along the activity index
CREATE INDEX "tickets_priority_id_status_id_idx" ON "tickets"("priority_id", "status_id");

-- Sub-categories: one level (enforced by the service: a parent has no parent).
ALTER TABLE "categories" ADD COLUMN "parent_id" INTEGER;
ALTER TABLE "categories" ADD COLUMN "no_tickets" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "categories_parent_id_idx" ON "categories"("parent_id");

-- Custom fields: definitions in a table, values in one JSONB column per ticket keyed by field
-- id. A GIN index with jsonb_path_ops answers containment (`custom_fields @> '{"7":"x"}'`), the
-- queue's filter, with a small index (hashes of paths, not every key) at a million tickets.
CREATE TABLE "custom_fields" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "help_ru" TEXT NOT NULL DEFAULT '',
    "help_en" TEXT NOT NULL DEFAULT '',
    "category_id" INTEGER,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "hidden_from_customer" BOOLEAN NOT NULL DEFAULT false,
    "customer_editable" BOOLEAN NOT NULL DEFAULT true,
    "options" JSONB NOT NULL DEFAULT '[]',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "custom_fields_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "custom_fields_category_id_idx" ON "custom_fields"("category_id");
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "tickets" ADD COLUMN "custom_fields" JSONB NOT NULL DEFAULT '{}';
CREATE INDEX "tickets_custom_fields_idx" ON "tickets" USING GIN ("custom_fields" jsonb_path_ops);
