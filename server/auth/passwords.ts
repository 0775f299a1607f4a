// argon2id through @node-rs/argon2 (native, maintained). Parameters follow OWASP's
// recommendation for argon2id (m=19 MiB, t=2, p=1) — ASVS 5.0 V11.4.2.
import { hash, verify } from "@node-rs/argon2";
import { isLegacyHash, verifyLegacyPassword } from "./legacy-password";

const PARAMS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, PARAMS);
}

export async function verifyPassword(hashed: string | null | undefined, plain: string): Promise<boolean> {
  if (!hashed) {
    // Spend the same time as a real check so unknown accounts are not revealed by timing.
    await hash(plain, PARAMS);
    return false;
  }
  try {
    // imported accounts (issue 17) keep their old hash until their first sign-in
    if (isLegacyHash(hashed)) return await verifyLegacyPassword(hashed, plain);
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** An imported (pre-argon2id) hash: rehash it after a successful sign-in. */
export const needsRehash = (hashed: string | null | undefined) => isLegacyHash(hashed);
