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
  loginAccount: () => limiter("login_account", 10, 15 * 60, 15 * 60),
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

export async function clear(l: RateLimiterPostgres, key: string) {
  await l.delete(key).catch(() => {});
}
