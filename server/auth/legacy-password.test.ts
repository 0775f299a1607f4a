import { describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { isLegacyHash, phpassPortable, verifyLegacyPassword } from "./legacy-password";

// public phpass test vectors (phpass test.php, passlib's phpass tests)
const VECTORS: Array<[string, string]> = [
  ["test12345", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"],
  ["test1", "$H$9aaaaaSXBjgypwqm.JsMssPLiS8YQ00"],
  ["123456", "$H$9PE8jEklgZhgLmZl5.HYJAzfGCQtzi1"],
];

describe("legacy Patchesoft password hashes", () => {
  it.each(VECTORS)("portable phpass: %s", async (pw, hash) => {
    expect(phpassPortable(pw, hash)).toBe(hash);
    expect(await verifyLegacyPassword(hash, pw)).toBe(true);
    expect(await verifyLegacyPassword(hash, pw + "x")).toBe(false);
  });
  it("bcrypt as PHP writes it ($2y$) and as phpass writes it ($2a$)", async () => {
    const h = bcrypt.hashSync("Пароль-123", 4);
    for (const prefix of ["$2y$", "$2a$"]) {
      const php = h.replace(/^\$2b\$/, prefix);
      expect(isLegacyHash(php)).toBe(true);
      expect(await verifyLegacyPassword(php, "Пароль-123")).toBe(true);
      expect(await verifyLegacyPassword(php, "пароль-123")).toBe(false);
    }
  });
  it("argon2id hashes and junk are not legacy", () => {
    expect(isLegacyHash("$argon2id$v=19$m=19456,t=2,p=1$abc$def")).toBe(false);
    expect(isLegacyHash("5f4dcc3b5aa765d61d8327deb882cf99")).toBe(false);
    expect(isLegacyHash(null)).toBe(false);
  });
});
