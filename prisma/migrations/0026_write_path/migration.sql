-- Issue 21, the write path.
--
-- 1. The bell's per-user bound (200 rows, read ones pruned after 30 days; migration 0021) was
--    enforced on every event by a window over every row of every recipient: ~10,000 rows read
--    for a 50-agent team, 12–16 ms of PostgreSQL per new ticket or reply. It now runs on one
--    event in TRIM_EVERY (server/platform/notifications.ts), counted by this sequence, so a
--    user may hold a few rows over the bound between two trims.
CREATE SEQUENCE "notification_events" AS bigint CYCLE;

-- 2. The per-address rate limit (server/mail/outbound/enqueue.ts) looks up an address in the Cc
--    lists of the outbox before every customer mail. Nearly every row has no Cc, yet each put an
--    entry into the GIN index's pending list, which every lookup scans whole: ~300 pages, 6–11 ms
--    per acknowledgement or reply at 400,000 outbox rows. Only rows with a Cc are indexed now,
--    without a pending list (the query says `cc <> '{}'`, so the partial index serves it).
DROP INDEX "outbox_mails_cc_idx";
CREATE INDEX "outbox_mails_cc_idx" ON "outbox_mails" USING GIN ("cc") WITH (fastupdate = off) WHERE "cc" <> '{}';
