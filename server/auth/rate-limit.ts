// Brute-force protection with rate-limiter-flexible on the PostgreSQL store (shared by every
// app instance). Login: per account and per IP (ASVS 5.0 V6.3.1). Also used by the guest form.
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/server/db/pg-pool";

const g = globalThis as unknown as { __limiters?: Map<string, RateLimiterPostgres> };

export function limiter(name: string, points: number, duration: number, blockDuration = 0) {
  g.__limiters ??= new Map();
  let l = g.__limiters.get(name);
  if (!l) {
    l = new RateLimiterPostgres({
      storeClient: pgPool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points,
      duration,
      blockDuration,
    });
    g.__limiters.set(name, l);
  }
  return l;
}

export const LIMITS = {
  /**
   * Failed sign-ins are keyed so that a stranger cannot lock a known account out (issue 14.10):
   * - loginAccountIp: 10 failures per (account, address) in 15 min block that pair for 15 min;
   * - loginAccountCeiling: 100 failures per account per hour from addresses that have never
   *   signed in to it (a distributed guess); it refills each hour (no block) and never applies
   *   to an address the owner signed in from in the last 30 days (loginKnown);
   * - loginIp: 50 attempts per address in 15 min, whatever the account.
   */
  loginAccountCeiling: () => limiter("login_account_ceiling", 100, 60 * 60),
  /** the signed-in "change password" form's guesses at the current password (a session is needed) */
  loginAccount: () => limiter("login_account", 10, 15 * 60, 15 * 60),
  loginAccountIp: () => limiter("login_account_ip", 10, 15 * 60, 15 * 60),
  loginKnown: () => limiter("login_known", 1_000_000, 30 * 86400),
  magicLinkAccount: () => limiter("magic_link_account", 5, 60 * 60),
  loginIp: () => limiter("login_ip", 50, 15 * 60, 15 * 60),
  guestTicketIp: () => limiter("guest_ticket_ip", 5, 60 * 60),
  passwordResetIp: () => limiter("password_reset_ip", 10, 60 * 60),
  signUpIp: () => limiter("sign_up_ip", 10, 60 * 60),
};

/** Consumes one point; false when the key is over its limit. */
export async function take(l: RateLimiterPostgres, key: string): Promise<boolean> {
  try {
    await l.consume(key);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

/** True when the key has been consumed and has not expired (used as a 30-day memory). */
export async function seen(l: RateLimiterPostgres, key: string): Promise<boolean> {
  return (await l.get(key)) !== null;
}
export async function clear(l: RateLimiterPostgres, key: string) {
  await l.delete(key).catch(() => {});
}
