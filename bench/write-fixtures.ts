// Who the write measures write as, so the app and the floor write the same rows.
// The outbox keeps at most 20 customer mails per address per hour (RATE_LIMIT in
// server/mail/outbound/enqueue.ts); past it the app writes no acknowledgement or reply mail
// ("outbound mail suppressed") while the floor still did, so the app did less work. Each run
// therefore makes its own customers (addresses never used before, a token each) and gives the
// reply measure's open tickets one of them each: at 20 mails per address the limit trips only
// after CUSTOMERS × 20 creates (or OPEN × 20 replies), far beyond a measure's requests.
import crypto from "node:crypto";
import pg from "pg";
import { hashToken } from "@/server/auth/token-hash";

/** Fresh customers per run; 4,000 × 20 mails = 80,000 creates before the limit could trip. */
export const WRITE_CUSTOMERS = 4_000;

export type WriteCustomer = { id: number; token: string };

export async function writeFixtures(url: string, openTicketIds: number[]): Promise<{ customers: WriteCustomer[] }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const run = crypto.randomBytes(4).toString("hex");
    const emails = Array.from({ length: WRITE_CUSTOMERS }, (_, i) => `w${run}-${i}@bench.test`);
    const ids = (await c.query<{ id: number }>(
      `INSERT INTO users (email, name, role, locale, updated_at)
       SELECT e, 'Bench writer', 'CUSTOMER', 'ru', now() FROM unnest($1::text[]) WITH ORDINALITY AS x(e, n) ORDER BY n RETURNING id`,
      [emails],
    )).rows.map((r) => r.id);
    const tokens = ids.map(() => `hd_${crypto.randomBytes(32).toString("base64url")}`);
    await c.query(
      `INSERT INTO api_tokens (name, prefix, token_hash, user_id, last_used_at)
       SELECT 'bench', p, h, u, now() FROM unnest($1::text[], $2::text[], $3::int[]) AS x(p, h, u)`,
      [tokens.map((t) => t.slice(0, 10)), tokens.map(hashToken), ids],
    );
    // the reply measure's tickets: each a requester of its own, fresh this run
    await c.query(
      `UPDATE tickets t SET requester_id = x.u FROM unnest($1::int[], $2::int[]) AS x(t, u) WHERE t.id = x.t`,
      [openTicketIds, openTicketIds.map((_, i) => ids[i % ids.length]!)],
    );
    return { customers: ids.map((id, i) => ({ id, token: tokens[i]! })) };
  } finally {
    await c.end();
  }
}
