-- Issue 16 at 1M tickets: a scoped agent's badges. The category joins the two indexes the
-- counts read, so both become index-only scans within the agent's categories:
--  * "mine" (SCOPED_COUNTS_SQL): assignee + category, was a bitmap heap scan of every ticket of
--    the agent (845 ms cold for 18,000 tickets) → 1.7 ms;
--  * the urgent badge (SCOPED_URGENT_OPEN_SQL): priority + open status + category, was a
--    sequential scan filtered by category (266 ms) → 0.3 ms.
-- The old two-column indexes are their prefixes, so they go.
DROP INDEX IF EXISTS "tickets_assignee_id_status_id_idx";
CREATE INDEX "tickets_assignee_id_status_id_category_id_idx" ON "tickets"("assignee_id", "status_id", "category_id");
DROP INDEX IF EXISTS "tickets_priority_id_status_id_idx";
CREATE INDEX "tickets_priority_id_status_id_category_id_idx" ON "tickets"("priority_id", "status_id", "category_id");
