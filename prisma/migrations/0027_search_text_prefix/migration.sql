-- Issue 21: the full-text vector of a ticket's body and of each message is computed from the
-- first 10,000 characters of the text (it was 200,000). Stemming is most of what a new ticket
-- costs PostgreSQL: a 37 KB mail of Russian text took ~8 ms of to_tsvector inside the ingest's
-- transaction, per mail. 10,000 characters are some 1,500 words — the part of a mail people
-- search by (names, order numbers, error codes, the question); what is beyond it is mostly pasted
-- logs and quoted history. Titles are indexed whole. Vectors written before stay as they are.
CREATE OR REPLACE FUNCTION ticket_full_search_vector(tid integer, title text, body text) RETURNS tsvector AS $$
DECLARE
  own tsvector := setweight(to_tsvector('russian', coalesce(title, '')), 'A') ||
                  setweight(to_tsvector('russian', left(coalesce(body, ''), 10000)), 'B');
BEGIN
  RETURN own || coalesce((SELECT tsvector_agg(setweight(m.search_vector, 'C') ORDER BY m.id)
                          FROM messages m WHERE m.ticket_id = tid AND m.deleted_at IS NULL AND m.search_vector IS NOT NULL), ''::tsvector);
EXCEPTION WHEN program_limit_exceeded THEN
  RETURN own;
END
$$ LANGUAGE plpgsql STABLE;

CREATE OR REPLACE FUNCTION tickets_search_vector_update() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.search_vector :=
      setweight(to_tsvector('russian', coalesce(NEW.title, '')), 'A') ||
      setweight(to_tsvector('russian', left(coalesce(NEW.body, ''), 10000)), 'B');
  ELSE
    NEW.search_vector := ticket_full_search_vector(NEW.id, NEW.title, NEW.body);
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION messages_search_vector_update() RETURNS trigger AS $$
BEGIN
  IF NEW.deleted_at IS NOT NULL THEN
    NEW.search_vector := NULL;
  ELSE
    NEW.search_vector := to_tsvector('russian', left(coalesce(NEW.body_text, ''), 10000));
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
