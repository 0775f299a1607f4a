-- Per-user upload quota (uploads in the last 24 h) and the cleanup of unclaimed uploads.
CREATE INDEX "attachments_uploader_id_created_at_idx" ON "attachments"("uploader_id", "created_at");
CREATE INDEX "attachments_ticket_id_created_at_idx" ON "attachments"("ticket_id", "created_at");
