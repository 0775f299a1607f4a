// Table tests for the staff ticket actions of issue 15: every role × the setting × the ticket or
// message state. "ok" means allowed, anything else is the reason code the server answers with.
import { describe, it, expect } from "vitest";
import type { Actor } from "../actor";
import { ticketSettingsSchema } from "../settings/schema";
import {
  canAddCc, canCreateForCustomer, canEditOwnMessage, canMergeTickets, canRemoveCc, ccFromMail, checkCcAddress, followMerge, MAX_PARTICIPANTS,
  type ActionDecision,
} from "./action-policies";
import { canRateTicket, canReply } from "./policies";

const OWNER = 10;
const ROLES: Record<string, Actor> = {
  anonymous: { kind: "anonymous" },
  guest: { kind: "guest", userId: OWNER, ticketId: 7, locale: "en" },
  owner: { kind: "user", userId: OWNER, role: "CUSTOMER", email: "o@x.test", name: "Owner", locale: "en", via: "session" },
  other: { kind: "user", userId: 11, role: "CUSTOMER", email: "b@x.test", name: "Other", locale: "en", via: "session" },
  cc: { kind: "participant", ticketId: 7, email: "c@x.test", userId: null, locale: "en" },
  agent: { kind: "user", userId: 20, role: "AGENT", email: "a@x.test", name: "Agent", locale: "en", via: "session" },
  admin: { kind: "user", userId: 21, role: "ADMIN", email: "ad@x.test", name: "Admin", locale: "en", via: "session" },
};
const S = ticketSettingsSchema.parse({});
const show = (d: ActionDecision) => (d.ok ? "ok" : d.reason);
const row = (f: (a: Actor) => ActionDecision) => Object.values(ROLES).map((a) => show(f(a))).join(" ");
const ticket = (o: { closed?: boolean; merged?: number | null } = {}) => ({ id: 7, requesterId: OWNER, isClosed: o.closed ?? false, mergedIntoId: o.merged ?? null });

describe("canCreateForCustomer (anonymous guest owner other cc agent admin)", () => {
  it.each([
    ["a new address", null, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ok ok"],
    ["an active customer", { role: "CUSTOMER", isActive: true }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ok ok"],
    ["an inactive customer", { role: "CUSTOMER", isActive: false }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ACCOUNT_INACTIVE ACCOUNT_INACTIVE"],
    ["a staff address", { role: "AGENT", isActive: true }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY REQUESTER_IS_STAFF REQUESTER_IS_STAFF"],
  ] as const)("%s", (_n, customer, expected) => {
    expect(row((a) => canCreateForCustomer(a, customer))).toBe(expected);
  });
});

describe("canAddCc / canRemoveCc", () => {
  it.each([
    ["setting off, open", {}, {}, "NOT_OWNER CC_DISABLED CC_DISABLED NOT_OWNER NOT_OWNER ok ok"],
    ["setting on, open", { customersMayAddCc: true }, {}, "NOT_OWNER ok ok NOT_OWNER NOT_OWNER ok ok"],
    ["setting on, closed", { customersMayAddCc: true }, { closed: true }, "NOT_OWNER TICKET_CLOSED TICKET_CLOSED NOT_OWNER NOT_OWNER ok ok"],
    ["merged", { customersMayAddCc: true }, { merged: 9 }, "TICKET_MERGED TICKET_MERGED TICKET_MERGED TICKET_MERGED TICKET_MERGED TICKET_MERGED TICKET_MERGED"],
  ] as const)("add: %s", (_n, patch, state, expected) => {
    expect(row((a) => canAddCc(a, ticket(state), { ...S, ...patch }))).toBe(expected);
  });
  it("remove: staff only", () => {
    expect(row((a) => canRemoveCc(a))).toBe("STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ok ok");
  });
  it("an address: not the requester, not ours (plus tags too), within the limit", () => {
    const f = { requesterEmail: "Ann@Client.example", ownAddresses: ["support@desk.example"], count: 0 };
    expect(show(checkCcAddress("boss@client.example", f))).toBe("ok");
    expect(show(checkCcAddress("ann@client.example", f))).toBe("CC_IS_REQUESTER");
    expect(show(checkCcAddress("support+t5-ab@desk.example", f))).toBe("CC_IS_OURS");
    expect(show(checkCcAddress("boss@client.example", { ...f, count: MAX_PARTICIPANTS }))).toBe("CC_LIMIT");
  });
});

describe("ccFromMail", () => {
  const base = { senderEmail: "ann@client.example", requesterEmail: "ann@client.example", ownAddresses: ["support@desk.example"], existing: ["boss@client.example"], cap: 3 };
  it.each([
    ["requester: new ones join, known/own/requester skipped", "requester", ["Boss@client.example", "it@client.example", "support+x@desk.example", "ann@client.example"], { add: ["it@client.example"], notAdded: 0 }],
    ["staff: up to the cap, the rest counted", "staff", ["a@c.example", "b@c.example", "c@c.example"], { add: ["a@c.example", "b@c.example"], notAdded: 1 }],
    ["anyone else: nothing", "other", ["a@c.example"], { add: [], notAdded: 0 }],
    ["not an address: skipped", "requester", ["undisclosed-recipients:;"], { add: [], notAdded: 0 }],
  ] as const)("%s", (_n, sender, cc, expected) => {
    expect(ccFromMail({ ...base, sender, cc: [...cc] })).toEqual(expected);
  });
  it("cap 0 adds nothing", () => {
    expect(ccFromMail({ ...base, sender: "requester", cc: ["x@c.example"], existing: [], cap: 0 })).toEqual({ add: [], notAdded: 1 });
  });
});

describe("canEditOwnMessage", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const mine = (o: Partial<{ authorId: number; source: string; isAutomatic: boolean; minutesAgo: number; deleted: boolean }> = {}) => ({
    authorId: o.authorId ?? 20, source: o.source ?? "WEB", isAutomatic: o.isAutomatic ?? false,
    createdAt: new Date(now.getTime() - (o.minutesAgo ?? 1) * 60_000), deletedAt: o.deleted ? now : null,
  });
  it.each([
    ["own web reply, 1 min", {}, {}, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ok NOT_AUTHOR"],
    ["own API reply at the limit", { source: "API", minutesAgo: 15 }, {}, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ok NOT_AUTHOR"],
    ["past the window", { minutesAgo: 16 }, {}, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY EDIT_WINDOW_PASSED NOT_AUTHOR"],
    ["setting 0", {}, { replyEditMinutes: 0 }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY REPLY_EDIT_DISABLED NOT_AUTHOR"],
    ["a mail", { source: "EMAIL" }, {}, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY NOT_EDITABLE NOT_AUTHOR"],
    ["deleted", { deleted: true }, {}, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY NOT_EDITABLE NOT_AUTHOR"],
    ["the customer's own", { authorId: OWNER }, {}, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY NOT_AUTHOR NOT_AUTHOR"],
  ] as const)("%s", (_n, m, patch, expected) => {
    expect(row((a) => canEditOwnMessage(a, mine(m), { ...S, ...patch }, now))).toBe(expected);
  });
});

describe("canMergeTickets / followMerge / replies to a merged ticket", () => {
  it.each([
    ["two open tickets", { id: 1, mergedIntoId: null }, { id: 2, mergedIntoId: null }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ok ok"],
    ["into itself", { id: 1, mergedIntoId: null }, { id: 1, mergedIntoId: null }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY SAME_TICKET SAME_TICKET"],
    ["a merged source", { id: 1, mergedIntoId: 3 }, { id: 2, mergedIntoId: null }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY ALREADY_MERGED ALREADY_MERGED"],
    ["into a merged target", { id: 1, mergedIntoId: null }, { id: 2, mergedIntoId: 3 }, "STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY STAFF_ONLY TARGET_MERGED TARGET_MERGED"],
  ] as const)("%s", (_n, s, t, expected) => {
    expect(row((a) => canMergeTickets(a, s, t))).toBe(expected);
  });
  it("mail and links follow the pointer; nobody replies on a merged ticket", () => {
    expect(followMerge({ id: 1, mergedIntoId: 2 })).toBe(2);
    expect(followMerge({ id: 1, mergedIntoId: null })).toBe(1);
    expect(Object.values(ROLES).map((a) => show(canReply(a, ticket({ merged: 2 }), S) as ActionDecision)).join(" ")).toBe(Array(7).fill("TICKET_MERGED").join(" "));
    // nor rates it: the closed, merged ticket is not the work to rate
    expect(Object.values(ROLES).map((a) => show(canRateTicket(a, ticket({ closed: true, merged: 2 }), S) as ActionDecision)).join(" ")).toBe("TICKET_MERGED TICKET_MERGED TICKET_MERGED TICKET_MERGED TICKET_MERGED NOT_OWNER NOT_OWNER");
  });
});
