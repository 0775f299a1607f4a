-- API tokens (issue 14.7): an optional expiry and a scope. "read" tokens may call queries only;
-- existing tokens keep the rights they had ("read-write") and never expire until revoked.
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" TIMESTAMP(3);
ALTER TABLE "api_tokens" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'read-write';
