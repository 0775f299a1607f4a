-- A large mail's raw source is kept as a file in the attachment storage instead of the bytea
-- column: pushing 25 MB through the Prisma engine and a bytea parameter cost over a GB of memory
-- and seconds of blocked event loop. raw_key is that file's storage key; rows without it (all
-- rows written before this migration, and mails up to 1 MB) keep their source in raw.
ALTER TABLE "inbound_mails" ADD COLUMN "raw_key" TEXT;
