// Password hashes imported from Patchesoft Support Centre (issue 17). It hashes with phpass
// (`new PasswordHash(12, false)`): bcrypt "$2a$12$…" wherever PHP has CRYPT_BLOWFISH (every
// PHP ≥ 5.3), else phpass's portable MD5 scheme "$P$…" (also "$H$" from phpBB-style installs).
// These are verified only at sign-in, after which the password is rehashed to argon2id.
import crypto from "node:crypto";
import bcrypt from "bcryptjs";

const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function isLegacyHash(hash: string | null | undefined): boolean {
  return !!hash && /^(\$2[abxy]\$\d\d\$[./A-Za-z0-9]{53}|\$[PH]\$[./A-Za-z0-9]{31})$/.test(hash);
}

// phpass's own base-64 (little-endian groups of 3 bytes)
function encode64(input: Buffer, count: number): string {
  let out = "";
  let i = 0;
  while (i < count) {
    let value = input[i++]!;
    out += ITOA64[value & 0x3f];
    if (i < count) value |= input[i]! << 8;
    out += ITOA64[(value >> 6) & 0x3f];
    if (i++ >= count) break;
    if (i < count) value |= input[i]! << 16;
    out += ITOA64[(value >> 12) & 0x3f];
    if (i++ >= count) break;
    out += ITOA64[(value >> 18) & 0x3f];
  }
  return out;
}

/** phpass portable hash of `password` with the setting (first 12 chars) of `stored`; null when malformed. */
export function phpassPortable(password: string, stored: string): string | null {
  const log2 = ITOA64.indexOf(stored[3] ?? "");
  if (log2 < 7 || log2 > 30) return null;
  const salt = stored.slice(4, 12);
  if (salt.length !== 8) return null;
  const pw = Buffer.from(password, "utf8");
  let h = crypto.createHash("md5").update(salt).update(pw).digest();
  for (let n = 1 << log2; n > 0; n--) h = crypto.createHash("md5").update(h).update(pw).digest();
  return stored.slice(0, 12) + encode64(h, 16);
}

export async function verifyLegacyPassword(hash: string, plain: string): Promise<boolean> {
  if (hash.startsWith("$P$") || hash.startsWith("$H$")) {
    const computed = phpassPortable(plain, hash);
    return computed !== null && computed.length === hash.length && crypto.timingSafeEqual(Buffer.from(computed), Buffer.from(hash));
  }
  // PHP's $2y$ is the same algorithm as $2b$ (and as $2a$ in a correct implementation)
  return bcrypt.compare(plain, hash.replace(/^\$2[xy]\$/, "$2b$"));
}
