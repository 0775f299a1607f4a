-- Email ownership: an account's address is proven once its owner follows a link mailed to it
-- (sign-up verification, a set-password or magic link). Until then the account cannot sign in,
-- and mail from that address is treated as mail from an address without an account.
-- Accounts that exist before this migration keep working: they are taken as verified.
ALTER TABLE "users" ADD COLUMN "email_verified_at" TIMESTAMP(3);
UPDATE "users" SET "email_verified_at" = "created_at";
