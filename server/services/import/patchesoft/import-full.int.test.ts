// The full-size run of issue 17: 10,000 tickets and 50,000 replies from a real MariaDB. Counts
// must match; the speed is printed (tickets per second over the whole import) for the report,
// never asserted.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { db } from "@/server/db/client";
import { startPatchesoft, type PatchesoftFixture } from "@/server/testing/mariadb-patchesoft";
import { runPatchesoftImport } from "./run-import";

let ps: PatchesoftFixture;
beforeAll(async () => {
  ps = await startPatchesoft(10_000);
}, 300_000);
afterAll(async () => {
  await ps?.stop();
});

describe("import:patchesoft at full size", () => {
  it("imports 10,000 tickets and 50,000 replies with every count equal", { timeout: 900_000 }, async () => {
    expect(ps.ds).toMatchObject({ tickets: 10_000, replies: 50_000 });
    const r = await runPatchesoftImport({ mysqlUrl: ps.url, filesDir: ps.filesDir });
    console.log(`import:patchesoft: ${r.tickets} tickets in ${r.seconds.toFixed(1)} s = ${(r.tickets / r.seconds).toFixed(0)} tickets/s\n${r.summary.format()}`);
    expect(await db().ticket.count()).toBe(10_000);
    expect(await db().message.count({ where: { isInternal: false } })).toBe(50_000);
    expect(await db().message.count({ where: { isInternal: true } })).toBe(ps.ds.notes);
    expect(await db().attachment.count()).toBe(ps.ds.files);
    expect(r.summary.of("reply").skipped).toEqual({ "orphaned: its ticket is gone": ps.ds.orphanReplies });
  });
});
