-- Issue 15, the gaps left open (model-gaps).
--
-- 1. A deleted own reply (messages.deleted_at, migration 0016) leaves the search: its own
--    vector is emptied, and the ticket's vector (which folds every message in, migration 0002)
--    is rebuilt without it. Setting deleted_at now fires both triggers, like an edit of the text.
CREATE OR REPLACE FUNCTION messages_search_vector_update() RETURNS trigger AS $$
BEGIN
  IF NEW.deleted_at IS NOT NULL THEN
    NEW.search_vector := NULL;
  ELSE
    NEW.search_vector := to_tsvector('russian', left(coalesce(NEW.body_text, ''), 200000));
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER "messages_search_vector_trg" ON "messages";
CREATE TRIGGER messages_search_vector_trg
  BEFORE INSERT OR UPDATE OF body_text, deleted_at ON "messages"
  FOR EACH ROW EXECUTE FUNCTION messages_search_vector_update();

CREATE OR REPLACE FUNCTION ticket_full_search_vector(tid integer, title text, body text) RETURNS tsvector AS $$
DECLARE
  own tsvector := setweight(to_tsvector('russian', coalesce(title, '')), 'A') ||
                  setweight(to_tsvector('russian', left(coalesce(body, ''), 200000)), 'B');
BEGIN
  RETURN own || coalesce((SELECT tsvector_agg(setweight(m.search_vector, 'C') ORDER BY m.id)
                          FROM messages m WHERE m.ticket_id = tid AND m.deleted_at IS NULL AND m.search_vector IS NOT NULL), ''::tsvector);
EXCEPTION WHEN program_limit_exceeded THEN
  RETURN own;
END
$$ LANGUAGE plpgsql STABLE;

DROP TRIGGER "messages_ticket_search_trg" ON "messages";
CREATE TRIGGER messages_ticket_search_trg
  AFTER INSERT OR UPDATE OF body_text, ticket_id, deleted_at OR DELETE ON "messages"
  FOR EACH ROW EXECUTE FUNCTION messages_ticket_search_update();

-- replies deleted before this migration: out of the index now
UPDATE "messages" SET search_vector = NULL WHERE deleted_at IS NOT NULL AND search_vector IS NOT NULL;
UPDATE "tickets" t SET search_vector = ticket_full_search_vector(t.id, t.title, t.body)
WHERE EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.deleted_at IS NOT NULL);

-- 2. The merge dialog's title search ("#123", a word, part of a word) was an unindexed ILIKE
--    over every ticket. A trigram index answers `title ILIKE '%part%'` for parts of 3+
--    characters (pg_trgm is installed by migration 0014).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "tickets_title_trgm_idx" ON "tickets" USING GIN ("title" gin_trgm_ops);
