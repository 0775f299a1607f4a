import { describe, expect, it } from "vitest";
import { ImportSummary } from "./summary";
import { formatProgress } from "./progress";
import { mapRole } from "./users";

describe("import summary and progress", () => {
  it("prints per entity: imported, updated, unchanged, skipped and fixed with reasons", () => {
    const s = new ImportSummary();
    s.of("ticket").imported = 3;
    s.of("reply").unchanged = 2;
    s.skip("reply", "orphaned: its ticket is gone", 2);
    s.fix("ticket", "zero date: the previous ticket's date used");
    s.note("sub-category merged");
    expect(s.format()).toBe(
      [
        "  ticket           imported 3, updated 0, unchanged 0, fixed 1 (zero date: the previous ticket's date used)",
        "  reply            imported 0, updated 0, unchanged 2, skipped 2 (orphaned: its ticket is gone)",
        "  note: sub-category merged",
      ].join("\n"),
    );
  });

  it("shows done/total, percent, rate and time left", () => {
    expect(formatProgress({ entity: "tickets", done: 2500, total: 10000, rate: 153.4, etaSeconds: 48.9 })).toBe("tickets       2500/10000  25%  153/s  ETA 49s");
    expect(formatProgress({ entity: "files", done: 0, total: 0, rate: 0, etaSeconds: null })).toMatch(/100%.*ETA \?$/);
  });
});

describe("Patchesoft roles", () => {
  it.each([
    [{ admin: 1 }, { role: "ADMIN", banned: false }],
    [{ ticket_manager: 1 }, { role: "MANAGER", banned: false }],
    [{ ticket_manager: 1, ticket_worker: 1 }, { role: "MANAGER", banned: false }],
    [{ admin: 1, ticket_manager: 1 }, { role: "ADMIN", banned: false }],
    [{ banned: 1, ticket_manager: 1 }, { role: "CUSTOMER", banned: true }],
    [{ ticket_worker: 1 }, { role: "AGENT", banned: false }],
    [{ admin_members: 1 }, { role: "AGENT", banned: false }],
    [{ client: 1 }, { role: "CUSTOMER", banned: false }],
    [{}, { role: "CUSTOMER", banned: false }],
    [{ banned: 1, admin: 1 }, { role: "CUSTOMER", banned: true }],
    [undefined, { role: "CUSTOMER", banned: false }],
  ])("%j → %j", (flags, expected) => {
    expect(mapRole(flags)).toEqual(expected);
  });
});
