import { describe, it, expect, beforeAll } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signLink, verifyLink } from "./signed-links";

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "hd-links-"));
});

describe("signed links", () => {
  it("round-trips and is bound to purpose, ids and expiry", () => {
    const now = Date.UTC(2026, 0, 1);
    const tok = signLink("ticket", 42, 7, 1, now);
    expect(verifyLink("ticket", tok, now)).toEqual({ ticketId: 42, userId: 7 });
    expect(verifyLink("rate", tok, now)).toBeNull();
    expect(verifyLink("ticket", tok.replace(/^42\./, "43."), now)).toBeNull();
    expect(verifyLink("ticket", tok, now + 2 * 86400_000)).toBeNull();
  });

  it.each(["", "x", "1.2.3", "1.2.3.short", "1.2.3." + "A".repeat(32), "../../etc"])("rejects %j", (bad) => {
    expect(verifyLink("ticket", bad)).toBeNull();
  });
});
