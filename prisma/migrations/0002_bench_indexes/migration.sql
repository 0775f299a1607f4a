-- What the 1M-ticket bench (bench/, issue 7) showed the hot reads need.
--
-- 1. Search: one vector per ticket that also covers its messages.
--    The staff search asked `t.search_vector @@ q OR t.id IN (SELECT ticket_id FROM messages
--    WHERE search_vector @@ q)`. The OR keeps PostgreSQL from using the GIN index on tickets: it
--    walks the whole queue index and tests every row (226 ms at 20k tickets for a rare term,
--    seconds at 1M). With the messages folded into tickets.search_vector the search is
--    `t.search_vector @@ q`: a rare term is a GIN bitmap scan, a common one stops after the first
--    page of the last-activity index. Weights: title A, body B, messages C.

CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

-- The full vector of a ticket, from scratch (used on edits and deletes, and the backfill).
-- A tsvector holds at most 1 MB: a thread too large for one falls back to title + body rather
-- than failing the write (a reply must never be lost to a search index).
CREATE FUNCTION ticket_full_search_vector(tid integer, title text, body text) RETURNS tsvector AS $$
DECLARE
  own tsvector := setweight(to_tsvector('russian', coalesce(title, '')), 'A') ||
                  setweight(to_tsvector('russian', left(coalesce(body, ''), 200000)), 'B');
BEGIN
  RETURN own || coalesce((SELECT tsvector_agg(setweight(m.search_vector, 'C') ORDER BY m.id)
                          FROM messages m WHERE m.ticket_id = tid AND m.search_vector IS NOT NULL), ''::tsvector);
EXCEPTION WHEN program_limit_exceeded THEN
  RETURN own;
END
$$ LANGUAGE plpgsql STABLE;

-- A new ticket has no messages yet; an edited title or body rebuilds the whole vector.
CREATE OR REPLACE FUNCTION tickets_search_vector_update() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.search_vector :=
      setweight(to_tsvector('russian', coalesce(NEW.title, '')), 'A') ||
      setweight(to_tsvector('russian', left(coalesce(NEW.body, ''), 200000)), 'B');
  ELSE
    NEW.search_vector := ticket_full_search_vector(NEW.id, NEW.title, NEW.body);
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- A new message appends its vector (computed by messages_search_vector_trg) to its ticket's;
-- an edited, moved or deleted message rebuilds the ticket's vector.
CREATE FUNCTION messages_ticket_search_update() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    BEGIN
      UPDATE tickets SET search_vector = coalesce(search_vector, ''::tsvector) || setweight(coalesce(NEW.search_vector, ''::tsvector), 'C')
      WHERE id = NEW.ticket_id;
    EXCEPTION WHEN program_limit_exceeded THEN
      NULL; -- the ticket's vector is full: the message is stored, only not added to the search
    END;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE tickets t SET search_vector = ticket_full_search_vector(t.id, t.title, t.body) WHERE t.id IN (OLD.ticket_id, NEW.ticket_id);
  ELSE
    UPDATE tickets t SET search_vector = ticket_full_search_vector(t.id, t.title, t.body) WHERE t.id = OLD.ticket_id;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER messages_ticket_search_trg
  AFTER INSERT OR UPDATE OF body_text, ticket_id OR DELETE ON "messages"
  FOR EACH ROW EXECUTE FUNCTION messages_ticket_search_update();

UPDATE tickets t SET search_vector = ticket_full_search_vector(t.id, t.title, t.body)
WHERE EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id);

-- 2. Queue counts: counters kept by statement-level triggers.
--    `SELECT status_id, count(*) FROM tickets GROUP BY status_id` reads every ticket (an index-only
--    scan of 1M entries per badge refresh). The counters hold one row per (status, assignee,
--    slot); the slot is the writing backend's pid mod 16, so concurrent writers touch different
--    rows instead of queueing on one hot row. Reading is a sum over a few hundred rows.
CREATE TABLE "ticket_counters" (
    "status_id" INTEGER NOT NULL,
    "assignee_id" INTEGER NOT NULL DEFAULT 0,
    "slot" SMALLINT NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ticket_counters_pkey" PRIMARY KEY ("status_id", "assignee_id", "slot")
);

-- assignee_id 0 = unassigned; rows are applied in key order so two writers sharing a slot
-- cannot deadlock on each other.
CREATE FUNCTION ticket_counters_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_counters AS c (status_id, assignee_id, slot, n)
      SELECT status_id, coalesce(assignee_id, 0), pg_backend_pid() % 16, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status_id, assignee_id, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ticket_counters AS c (status_id, assignee_id, slot, n)
      SELECT status_id, coalesce(assignee_id, 0), pg_backend_pid() % 16, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status_id, assignee_id, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE
    INSERT INTO ticket_counters AS c (status_id, assignee_id, slot, n)
      SELECT s, a, pg_backend_pid() % 16, sum(d) FROM (
        SELECT status_id AS s, coalesce(assignee_id, 0) AS a, 1 AS d FROM new_rows
        UNION ALL
        SELECT status_id, coalesce(assignee_id, 0), -1 FROM old_rows
      ) x GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (status_id, assignee_id, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION ticket_counters_reset() RETURNS trigger AS $$
BEGIN
  DELETE FROM ticket_counters;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER ticket_counters_ins AFTER INSERT ON "tickets"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_apply();
CREATE TRIGGER ticket_counters_upd AFTER UPDATE ON "tickets"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_apply();
CREATE TRIGGER ticket_counters_del AFTER DELETE ON "tickets"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_apply();
CREATE TRIGGER ticket_counters_trunc AFTER TRUNCATE ON "tickets"
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_reset();

INSERT INTO ticket_counters (status_id, assignee_id, slot, n)
  SELECT status_id, coalesce(assignee_id, 0), 0, count(*) FROM tickets GROUP BY 1, 2;
