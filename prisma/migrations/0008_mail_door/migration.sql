-- The mailbox obeys the same rules as the web (issue 12): nothing is dropped silently.
-- 1. Outbound mail over the per-address limit is deferred, not dropped: the row waits in the
--    outbox until deferred_until (its next_attempt_at). The limit counts Cc recipients too, so
--    the address lookup needs the cc array indexed, and the send slots by address.
ALTER TABLE "outbox_mails" ADD COLUMN "deferred_until" TIMESTAMP(3);
CREATE INDEX "outbox_mails_to_email_next_attempt_at_idx" ON "outbox_mails" ("to_email", "next_attempt_at");
CREATE INDEX "outbox_mails_cc_idx" ON "outbox_mails" USING GIN ("cc");
-- 2. Two different mails reusing one Message-ID are two mails: a fingerprint of sender and
--    subject tells a repeat (a duplicate) from another mail (stored under a derived key).
ALTER TABLE "inbound_mails" ADD COLUMN "content_sha256" TEXT;
-- 3. The "after processing" action (mark read / move) of a committed mail is remembered, so a
--    run that died before applying it is finished by the next run. Rows from before this
--    migration are taken as done.
ALTER TABLE "inbound_mails" ADD COLUMN "marked_at" TIMESTAMP(3);
UPDATE "inbound_mails" SET "marked_at" = "created_at";
CREATE INDEX "inbound_mails_mailbox_key_marked_at_idx" ON "inbound_mails" ("mailbox_key", "marked_at");
