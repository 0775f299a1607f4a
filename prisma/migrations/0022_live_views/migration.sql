-- Issue 16 point 4: saved queue views, shared with teams, pinned per staff member.
CREATE TABLE "saved_views" (
    "id" SERIAL NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "team_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "saved_views_owner_id_idx" ON "saved_views"("owner_id");
CREATE INDEX "saved_views_team_ids_idx" ON "saved_views" USING GIN ("team_ids");

CREATE TABLE "saved_view_pins" (
    "user_id" INTEGER NOT NULL,
    "view_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "saved_view_pins_pkey" PRIMARY KEY ("user_id","view_id")
);
ALTER TABLE "saved_view_pins" ADD CONSTRAINT "saved_view_pins_view_id_fkey" FOREIGN KEY ("view_id") REFERENCES "saved_views"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue 16 point 5: who is typing on a ticket, for clients on the polling fallback.
CREATE TABLE "ticket_typing" (
    "ticket_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ticket_typing_pkey" PRIMARY KEY ("ticket_id","user_id")
);

-- Live updates: every door that writes a ticket or a message (web, API, CLI, mail ingest's raw
-- SQL, cron) announces it on the "ticket_events" channel, so each app instance's one LISTEN
-- connection hears it. The payload stays tiny (PostgreSQL caps it at 8000 bytes): ticket id,
-- kind, version, actor id (the author of a message; a writer may SET LOCAL helpdesk.actor_id),
-- and the category, which the SSE route needs to apply the listener's scope in memory.
-- NOTIFY is delivered at commit only, and identical payloads in one transaction fold into one.
CREATE FUNCTION ticket_events_notify() RETURNS trigger AS $$
DECLARE
  tid INTEGER;
  payload TEXT;
BEGIN
  IF TG_TABLE_NAME = 'messages' THEN
    tid := NEW.ticket_id;
    SELECT json_build_object('t', t.id, 'k', 'message', 'v', t.version, 'a', NEW.author_id, 'c', t.category_id)::text
      INTO payload FROM tickets t WHERE t.id = tid;
  ELSE
    payload := json_build_object('t', NEW.id, 'k', CASE WHEN TG_OP = 'INSERT' THEN 'created' ELSE 'ticket' END, 'v', NEW.version,
      'a', nullif(current_setting('helpdesk.actor_id', true), '')::int, 'c', NEW.category_id)::text;
  END IF;
  IF payload IS NOT NULL THEN
    PERFORM pg_notify('ticket_events', payload);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER tickets_events_insert_trg
  AFTER INSERT ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION ticket_events_notify();
-- only changes people see: not the search vector or counters another trigger maintains
CREATE TRIGGER tickets_events_update_trg
  AFTER UPDATE ON "tickets"
  FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version OR OLD.status_id IS DISTINCT FROM NEW.status_id
    OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.category_id IS DISTINCT FROM NEW.category_id
    OR OLD.priority_id IS DISTINCT FROM NEW.priority_id OR OLD.last_activity_at IS DISTINCT FROM NEW.last_activity_at)
  EXECUTE FUNCTION ticket_events_notify();
CREATE TRIGGER messages_events_trg
  AFTER INSERT OR UPDATE OF body_text, body_html ON "messages"
  FOR EACH ROW EXECUTE FUNCTION ticket_events_notify();
