-- Issue 15 points 4 and 8: a merged ticket points at the ticket it was merged into; a reply
-- its author edited or deleted carries when (the original text is kept in audit_events).
ALTER TABLE "tickets" ADD COLUMN "merged_into_id" INTEGER;
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "messages" ADD COLUMN "edited_at" TIMESTAMP(3);
ALTER TABLE "messages" ADD COLUMN "deleted_at" TIMESTAMP(3);
