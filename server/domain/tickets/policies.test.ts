// Table tests for every ticket policy: each setting × role (anonymous, guest, customer owner,
// other customer, agent, admin) × ticket state (open / closed). A row reads left to right in
// ROLES order; "ok" means allowed, anything else is the reason code the server answers with.
import { describe, it, expect } from "vitest";
import type { Actor } from "../actor";
import { ticketSettingsSchema, type TicketSettings } from "../settings/schema";
import {
  autoStatusOnReply,
  canAttachFile,
  canCreateTicket,
  canEditTicket,
  canOpenPortal,
  canRateTicket,
  canReply,
  canUpload,
  canViewTicket,
  replyToClosedTicket,
  ticketPermissions,
  type Decision,
  type TicketFacts,
} from "./policies";

const OWNER_ID = 10;
const TICKET_ID = 7;
const ROLES: Record<string, Actor> = {
  anonymous: { kind: "anonymous" },
  guest: { kind: "guest", userId: OWNER_ID, ticketId: TICKET_ID, locale: "en" },
  owner: { kind: "user", userId: OWNER_ID, role: "CUSTOMER", email: "o@x.test", name: "Owner", locale: "en", via: "session" },
  other: { kind: "user", userId: 11, role: "CUSTOMER", email: "b@x.test", name: "Other", locale: "en", via: "session" },
  agent: { kind: "user", userId: 20, role: "AGENT", email: "a@x.test", name: "Agent", locale: "en", via: "session" },
  admin: { kind: "user", userId: 21, role: "ADMIN", email: "ad@x.test", name: "Admin", locale: "en", via: "session" },
};
const ROLE_NAMES = Object.keys(ROLES);
const DEFAULTS = ticketSettingsSchema.parse({});
const ticket = (closed: boolean): TicketFacts => ({ id: TICKET_ID, requesterId: OWNER_ID, isClosed: closed });
const show = (d: Decision) => (d.ok ? "ok" : d.reason);

type Policy = (a: Actor, closed: boolean, s: TicketSettings) => Decision;
const POLICIES: Record<string, Policy> = {
  openPortal: (a, _c, s) => canOpenPortal(a, s),
  create: (a, _c, s) => canCreateTicket(a, s),
  view: (a, c, s) => canViewTicket(a, ticket(c), s),
  reply: (a, c, s) => canReply(a, ticket(c), s),
  edit: (a, c, s) => canEditTicket(a, ticket(c), s),
  rate: (a, c, s) => canRateTicket(a, ticket(c), s),
  upload: (a, _c, s) => canUpload(a, s),
};

// [policy, settings patch, state, expected per role: anonymous guest owner other agent admin]
type Row = [string, Partial<TicketSettings>, "open" | "closed", string];
const TABLE: Row[] = [
  ["openPortal", {}, "open", "ok ok ok ok ok ok"],
  ["openPortal", { requireLogin: true }, "open", "LOGIN_REQUIRED LOGIN_REQUIRED ok ok ok ok"],

  ["create", {}, "open", "ok ok ok ok ok ok"],
  ["create", { allowGuestTickets: false }, "open", "GUESTS_DISABLED GUESTS_DISABLED ok ok ok ok"],
  ["create", { requireLogin: true }, "open", "LOGIN_REQUIRED LOGIN_REQUIRED ok ok ok ok"],
  ["create", { requireLogin: true, allowGuestTickets: true }, "open", "LOGIN_REQUIRED LOGIN_REQUIRED ok ok ok ok"],

  ["view", {}, "open", "LOGIN_REQUIRED ok ok NOT_OWNER ok ok"],
  ["view", {}, "closed", "LOGIN_REQUIRED ok ok NOT_OWNER ok ok"],
  ["view", { requireLogin: true }, "open", "LOGIN_REQUIRED LOGIN_REQUIRED ok NOT_OWNER ok ok"],

  ["reply", {}, "open", "LOGIN_REQUIRED ok ok NOT_OWNER ok ok"],
  ["reply", {}, "closed", "LOGIN_REQUIRED REPLIES_CLOSED REPLIES_CLOSED NOT_OWNER ok ok"],
  ["reply", { noRepliesAfterClose: false }, "closed", "LOGIN_REQUIRED ok ok NOT_OWNER ok ok"],
  ["reply", { noRepliesAfterClose: false }, "open", "LOGIN_REQUIRED ok ok NOT_OWNER ok ok"],
  ["reply", { requireLogin: true }, "open", "LOGIN_REQUIRED LOGIN_REQUIRED ok NOT_OWNER ok ok"],

  ["edit", {}, "open", "LOGIN_REQUIRED ok ok NOT_OWNER ok ok"],
  ["edit", {}, "closed", "LOGIN_REQUIRED TICKET_CLOSED TICKET_CLOSED NOT_OWNER ok ok"],
  ["edit", { allowTicketEdit: false }, "open", "LOGIN_REQUIRED EDIT_DISABLED EDIT_DISABLED NOT_OWNER ok ok"],
  ["edit", { allowTicketEdit: false }, "closed", "LOGIN_REQUIRED EDIT_DISABLED EDIT_DISABLED NOT_OWNER ok ok"],
  ["edit", { requireLogin: true }, "open", "LOGIN_REQUIRED LOGIN_REQUIRED ok NOT_OWNER ok ok"],

  ["rate", {}, "open", "LOGIN_REQUIRED NOT_CLOSED NOT_CLOSED NOT_OWNER NOT_OWNER NOT_OWNER"],
  ["rate", {}, "closed", "LOGIN_REQUIRED ok ok NOT_OWNER NOT_OWNER NOT_OWNER"],
  ["rate", { allowRating: false }, "closed", "LOGIN_REQUIRED RATING_DISABLED RATING_DISABLED NOT_OWNER NOT_OWNER NOT_OWNER"],
  ["rate", { allowRating: false }, "open", "LOGIN_REQUIRED RATING_DISABLED RATING_DISABLED NOT_OWNER NOT_OWNER NOT_OWNER"],
  ["rate", { requireLogin: true }, "closed", "LOGIN_REQUIRED LOGIN_REQUIRED ok NOT_OWNER NOT_OWNER NOT_OWNER"],

  ["upload", {}, "open", "LOGIN_REQUIRED ok ok ok ok ok"],
  ["upload", { allowUploads: false }, "open", "UPLOADS_DISABLED UPLOADS_DISABLED UPLOADS_DISABLED UPLOADS_DISABLED ok ok"],
  ["upload", { requireLogin: true }, "open", "LOGIN_REQUIRED LOGIN_REQUIRED ok ok ok ok"],
  ["upload", { allowGuestTickets: false }, "open", "LOGIN_REQUIRED ok ok ok ok ok"],
];

describe("ticket policies: the table", () => {
  for (const [policy, patch, state, expected] of TABLE) {
    it(`${policy} ${JSON.stringify(patch)} ${state} → ${expected}`, () => {
      const s = { ...DEFAULTS, ...patch };
      const got = ROLE_NAMES.map((r) => show(POLICIES[policy]!(ROLES[r]!, state === "closed", s))).join(" ");
      expect(got).toBe(expected);
    });
  }
});

// Which settings each policy may depend on; flipping any other setting must not change it.
const DEPENDS: Record<string, Array<keyof TicketSettings>> = {
  openPortal: ["requireLogin"],
  create: ["requireLogin", "allowGuestTickets"],
  view: ["requireLogin"],
  reply: ["requireLogin", "noRepliesAfterClose"],
  edit: ["requireLogin", "allowTicketEdit"],
  rate: ["requireLogin", "allowRating"],
  upload: ["requireLogin", "allowUploads"],
};
const FLIPS: Array<[keyof TicketSettings, unknown]> = [
  ["allowUploads", false],
  ["allowGuestTickets", false],
  ["allowTicketEdit", false],
  ["requireLogin", true],
  ["allowRating", false],
  ["closeNotesOnClose", false],
  ["noRepliesAfterClose", false],
  ["statusOnStaffReply", 3],
  ["statusOnClientReply", 2],
  ["maxUploadMb", 1],
  ["allowedFileTypes", ["pdf"]],
  ["autoCloseDays", 5],
  ["autoCloseStatusId", 4],
  ["customerSetsPriority", true], // decided by canSetPriority (ticket-fields.test.ts)
  // issue 15: decided by action-policies.ts (its own table test), never by these policies
  ["customersMayAddCc", true],
  ["replyEditMinutes", 0],
  ["autoCloseReminderDays", 2],
];

describe("ticket policies: every setting × role × state", () => {
  it("covers every key of the settings schema", () => {
    expect(FLIPS.map(([k]) => k).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });
  for (const [key, value] of FLIPS) {
    for (const policy of Object.keys(POLICIES)) {
      if (DEPENDS[policy]!.includes(key)) continue;
      it(`${policy} ignores ${key}`, () => {
        const flipped = { ...DEFAULTS, [key]: value } as TicketSettings;
        for (const r of ROLE_NAMES)
          for (const closed of [false, true])
            expect(show(POLICIES[policy]!(ROLES[r]!, closed, flipped)), `${r} ${closed ? "closed" : "open"}`).toBe(show(POLICIES[policy]!(ROLES[r]!, closed, DEFAULTS)));
      });
    }
  }
});

describe("a guest link is for one ticket only", () => {
  it("a guest holding another ticket's link is not the customer", () => {
    const g: Actor = { kind: "guest", userId: OWNER_ID, ticketId: TICKET_ID + 1, locale: "en" };
    expect(show(canViewTicket(g, ticket(false), DEFAULTS))).toBe("NOT_OWNER");
    expect(show(canReply(g, ticket(false), DEFAULTS))).toBe("NOT_OWNER");
  });
});

describe("permissions on the DTO mirror the policies", () => {
  for (const r of ROLE_NAMES)
    for (const closed of [false, true])
      it(`${r} ${closed ? "closed" : "open"}`, () => {
        const p = ticketPermissions(ROLES[r]!, ticket(closed), DEFAULTS);
        const reply = canReply(ROLES[r]!, ticket(closed), DEFAULTS);
        expect(p).toEqual({
          canReply: reply.ok,
          replyBlockedReason: reply.ok ? null : reply.reason,
          canEdit: canEditTicket(ROLES[r]!, ticket(closed), DEFAULTS).ok,
          canRate: canRateTicket(ROLES[r]!, ticket(closed), DEFAULTS).ok,
          canUpload: canUpload(ROLES[r]!, DEFAULTS).ok,
          isStaff: r === "agent" || r === "admin",
        });
      });
});

describe("auto-status on reply", () => {
  const table: Array<[TicketSettings["statusOnStaffReply"], TicketSettings["statusOnClientReply"], number | null, number | null]> = [
    ["none", "none", null, null],
    [3, "none", 3, null],
    ["none", 2, null, 2],
    [3, 2, 3, 2],
  ];
  for (const [staff, client, expStaff, expClient] of table)
    it(`staff=${staff} client=${client}`, () => {
      const s = { ...DEFAULTS, statusOnStaffReply: staff, statusOnClientReply: client };
      expect(autoStatusOnReply(s, "staff")).toBe(expStaff);
      expect(autoStatusOnReply(s, "customer")).toBe(expClient);
    });
});

describe("the mail-only actors and rules", () => {
  const s = DEFAULTS;
  const cc: Actor = { kind: "participant", ticketId: TICKET_ID, email: "cc@x.test", userId: null, locale: "en" };
  const gone: Actor = { kind: "inactive", userId: 99 };
  it("a Cc of the ticket may read and reply (not after close, not under require login), never edit or rate", () => {
    expect(show(canReply(cc, ticket(false), s))).toBe("ok");
    expect(show(canReply(cc, ticket(true), s))).toBe("REPLIES_CLOSED");
    expect(show(canReply(cc, ticket(false), { ...s, requireLogin: true }))).toBe("LOGIN_REQUIRED");
    expect(show(canReply({ ...cc, ticketId: TICKET_ID + 1 }, ticket(false), s))).toBe("NOT_OWNER");
    expect(show(canEditTicket(cc, ticket(false), s))).toBe("NOT_OWNER");
    expect(show(canRateTicket(cc, ticket(true), s))).toBe("NOT_OWNER");
    expect(show(canUpload(cc, { ...s, allowUploads: false }))).toBe("UPLOADS_DISABLED");
  });
  it("an inactive account may do nothing", () => {
    expect(show(canCreateTicket(gone, s))).toBe("ACCOUNT_INACTIVE");
    expect(show(canReply(gone, ticket(false), s))).toBe("ACCOUNT_INACTIVE");
  });
  it("file size: over maxUploadMb is FILE_TOO_BIG", () => {
    expect(show(canAttachFile({ size: 2 * 1024 * 1024 }, { ...s, maxUploadMb: 1 }))).toBe("FILE_TOO_BIG");
    expect(show(canAttachFile({ size: 1024 * 1024 }, { ...s, maxUploadMb: 1 }))).toBe("ok");
  });
  it.each<[Partial<TicketSettings>, boolean, string]>([
    [{ noRepliesAfterClose: true }, false, "refused"],
    [{ noRepliesAfterClose: false, statusOnClientReply: "none" }, false, "adds"],
    [{ noRepliesAfterClose: false, statusOnClientReply: 2 }, false, "reopens"],
    [{ noRepliesAfterClose: false, statusOnClientReply: 3 }, true, "adds"],
    [{ noRepliesAfterClose: false, requireLogin: true }, false, "refused"],
  ])("replyToClosedTicket %j (target closed: %s) → %s", (patch, targetClosed, want) => {
    const guest: Actor = { kind: "guest", userId: OWNER_ID, ticketId: TICKET_ID, locale: "en" };
    expect(replyToClosedTicket(guest, ticket(true), { ...s, ...patch }, targetClosed)).toBe(want);
  });
});
