-- Issue 16 point 6: auto-close counts from when the ticket entered its status or got the last
-- staff reply, and can send one reminder per waiting period.
ALTER TABLE "tickets" ADD COLUMN "status_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "tickets" ADD COLUMN "last_staff_reply_at" TIMESTAMP(3);
ALTER TABLE "tickets" ADD COLUMN "auto_close_reminded_at" TIMESTAMP(3);

-- Existing rows: the last activity is the best known moment of the last status change (every
-- status change bumps it), and the last public staff message is the last staff reply.
UPDATE "tickets" SET "status_changed_at" = "last_activity_at";
UPDATE "tickets" t SET "last_staff_reply_at" = s.at
  FROM (SELECT m.ticket_id, max(m.created_at) AS at FROM "messages" m JOIN "users" u ON u.id = m.author_id
        WHERE NOT m.is_internal AND NOT m.is_automatic AND u.role <> 'CUSTOMER' GROUP BY m.ticket_id) s
  WHERE s.ticket_id = t.id;

-- Every door that changes a status (web, API, bulk, mail, auto-status, raw SQL) moves the clock:
-- a trigger, so no write path can forget it. A writer that sets the column itself wins.
CREATE FUNCTION tickets_status_changed_at() RETURNS trigger AS $$
BEGIN
  IF NEW.status_id IS DISTINCT FROM OLD.status_id AND NEW.status_changed_at IS NOT DISTINCT FROM OLD.status_changed_at THEN
    NEW.status_changed_at := CURRENT_TIMESTAMP;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER tickets_status_changed_at_trg
  BEFORE UPDATE OF status_id ON "tickets"
  FOR EACH ROW EXECUTE FUNCTION tickets_status_changed_at();
