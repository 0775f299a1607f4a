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

-- Issue 16 point 1: roles and scoping. MANAGER sees every ticket and report but no settings;
-- an AGENT sees the categories of their teams (and categories linked to no team).
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'MANAGER';

CREATE TABLE "teams" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");

CREATE TABLE "team_members" (
    "team_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    CONSTRAINT "team_members_pkey" PRIMARY KEY ("team_id","user_id")
);
CREATE INDEX "team_members_user_id_idx" ON "team_members"("user_id");
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "team_categories" (
    "team_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    CONSTRAINT "team_categories_pkey" PRIMARY KEY ("team_id","category_id")
);
CREATE INDEX "team_categories_category_id_idx" ON "team_categories"("category_id");
ALTER TABLE "team_categories" ADD CONSTRAINT "team_categories_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_categories" ADD CONSTRAINT "team_categories_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counts for a scoped agent: per status, category and "unassigned", kept like ticket_counters
-- (statement triggers, one slot per transaction) so the badges never count a million rows.
CREATE TABLE "ticket_category_counters" (
    "status_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "unassigned" BOOLEAN NOT NULL,
    "slot" SMALLINT NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ticket_category_counters_pkey" PRIMARY KEY ("status_id","category_id","unassigned","slot")
);

CREATE FUNCTION ticket_category_counters_apply() RETURNS trigger AS $$
DECLARE
  v_slot SMALLINT := (txid_current() % 32)::smallint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_category_counters AS c (status_id, category_id, unassigned, slot, n)
      SELECT status_id, category_id, assignee_id IS NULL, v_slot, count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (status_id, category_id, unassigned, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ticket_category_counters AS c (status_id, category_id, unassigned, slot, n)
      SELECT status_id, category_id, assignee_id IS NULL, v_slot, -count(*) FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (status_id, category_id, unassigned, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE
    INSERT INTO ticket_category_counters AS c (status_id, category_id, unassigned, slot, n)
      SELECT s, k, u, v_slot, sum(d) FROM (
        SELECT status_id AS s, category_id AS k, assignee_id IS NULL AS u, 1 AS d FROM new_rows
        UNION ALL
        SELECT status_id, category_id, assignee_id IS NULL, -1 FROM old_rows
      ) x GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (status_id, category_id, unassigned, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION ticket_category_counters_reset() RETURNS trigger AS $$
BEGIN
  DELETE FROM ticket_category_counters;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER ticket_category_counters_ins AFTER INSERT ON "tickets"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_category_counters_apply();
CREATE TRIGGER ticket_category_counters_upd AFTER UPDATE ON "tickets"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_category_counters_apply();
CREATE TRIGGER ticket_category_counters_del AFTER DELETE ON "tickets"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_category_counters_apply();
CREATE TRIGGER ticket_category_counters_trunc AFTER TRUNCATE ON "tickets"
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_category_counters_reset();

INSERT INTO ticket_category_counters (status_id, category_id, unassigned, slot, n)
  SELECT status_id, category_id, assignee_id IS NULL, 0, count(*) FROM tickets GROUP BY 1, 2, 3;

-- Issue 16 point 2: assignment rules per category; an agent can mark themselves away.
CREATE TYPE "AssignmentRule" AS ENUM ('NONE', 'ROUND_ROBIN', 'FEWEST_OPEN');
ALTER TABLE "categories" ADD COLUMN "assignment_rule" "AssignmentRule" NOT NULL DEFAULT 'NONE';
ALTER TABLE "categories" ADD COLUMN "last_assignee_id" INTEGER;
ALTER TABLE "users" ADD COLUMN "away" BOOLEAN NOT NULL DEFAULT false;
