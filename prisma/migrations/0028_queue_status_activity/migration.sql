-- Issue 21 (found by the 1M bench): the staff queue filtered by a status and a category takes the
-- category with its sub-categories (category_id IN (…)), so the (status, category, activity)
-- index cannot give the page in activity order; PostgreSQL walked the activity index of all
-- tickets instead and filtered by status. When the newest tickets were in another status — a
-- day of new tickets above the ones in progress; in the bench, 88,000 — the first page of "in
-- progress" read every one of them: 105 ms and ~89,000 buffers per page, against 3.7 ms with
-- this index, which gives one status's tickets in activity order (the category then filters
-- rows that are mostly in the family).
CREATE INDEX "tickets_status_id_last_activity_at_id_idx" ON "tickets"("status_id", "last_activity_at" DESC, "id" DESC);
