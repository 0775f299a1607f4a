-- The per-address rate limit of outbound mail counts an address's recent mails before every
-- customer notification. With only the created_at index that count filtered a whole hour of
-- outbox rows (137 ms at 940k rows in the 100k-ticket bench, on every ticket creation, reply
-- and mail-born ticket); this index makes it a short range scan.
CREATE INDEX "outbox_mails_to_email_created_at_idx" ON "outbox_mails"("to_email", "created_at");
