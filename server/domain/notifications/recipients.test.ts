import { describe, it, expect } from "vitest";
import { notificationRecipients, type RecipientInput, type StaffFacts, type TicketEvent } from "./recipients";
import { DEFAULT_PREFS, readPrefs, type NotifyPrefs } from "./prefs";

// staff: 1 admin, 2 manager, 3 agent of team 10 (category 100), 4 agent of team 20 (category 200)
const allOn: NotifyPrefs = readPrefs({ newTicket: { mail: true, app: true }, assigned: { mail: true, app: true }, customerReply: { mail: true, app: true }, anyReply: { mail: true, app: true }, mention: { mail: true, app: true } });
const member = (id: number, role: StaffFacts["role"], teamIds: number[], over: Partial<StaffFacts> = {}): StaffFacts => ({ id, role, away: false, prefs: allOn, teamIds, ...over });
const staff = [member(1, "ADMIN", []), member(2, "MANAGER", []), member(3, "AGENT", [10]), member(4, "AGENT", [20])];
const links = [{ teamId: 10, categoryId: 100 }];

function run(event: TicketEvent, o: { assigneeId?: number | null; actorId?: number | null; staff?: StaffFacts[]; categoryId?: number } = {}) {
  const input: RecipientInput = { event, ticket: { categoryId: o.categoryId ?? 100, assigneeId: o.assigneeId ?? null }, actorId: o.actorId ?? null, staff: o.staff ?? staff, categoryLinks: (o.categoryId ?? 100) === 100 ? links : [] };
  return notificationRecipients(input).map((r) => `${r.userId}:${r.event}:${r.mail ? "m" : ""}${r.app ? "a" : ""}`);
}

describe("notificationRecipients", () => {
  it.each<[string, TicketEvent, Parameters<typeof run>[1], string[]]>([
    ["new unassigned ticket: every staff member who may see it (agent 4 is not in team 10)", { type: "ticket.created" }, {}, ["1:newTicket:ma", "2:newTicket:ma", "3:newTicket:ma"]],
    ["new ticket in a category linked to no team: every agent", { type: "ticket.created" }, { categoryId: 300 }, ["1:newTicket:ma", "2:newTicket:ma", "3:newTicket:ma", "4:newTicket:ma"]],
    ["new ticket with an owner: only the owner", { type: "ticket.created" }, { assigneeId: 3 }, ["3:newTicket:ma"]],
    ["new ticket whose owner cannot see it: as if unassigned", { type: "ticket.created" }, { assigneeId: 4 }, ["1:newTicket:ma", "2:newTicket:ma", "3:newTicket:ma"]],
    ["new ticket opened by staff member 1: not told of their own action", { type: "ticket.created" }, { actorId: 1 }, ["2:newTicket:ma", "3:newTicket:ma"]],
    ["assigned: only the new assignee", { type: "ticket.assigned" }, { assigneeId: 3, actorId: 1 }, ["3:assigned:ma"]],
    ["assigned to oneself: nobody", { type: "ticket.assigned" }, { assigneeId: 3, actorId: 3 }, []],
    ["assigned to someone outside the category: nobody", { type: "ticket.assigned" }, { assigneeId: 4, actorId: 1 }, []],
    ["customer reply, assigned: owner under customerReply, the rest under anyReply", { type: "reply.customer" }, { assigneeId: 3 }, ["1:anyReply:ma", "2:anyReply:ma", "3:customerReply:ma"]],
    ["customer reply, unassigned: everyone who sees it under customerReply", { type: "reply.customer" }, {}, ["1:customerReply:ma", "2:customerReply:ma", "3:customerReply:ma"]],
    ["staff reply: everyone else under anyReply", { type: "reply.staff" }, { assigneeId: 3, actorId: 2 }, ["1:anyReply:ma", "3:anyReply:ma"]],
    ["mention: only the mentioned who may see it, never the author", { type: "note.mention", mentionedIds: [1, 3, 4] }, { actorId: 1 }, ["3:mention:ma"]],
  ])("%s", (_name, event, o, expected) => {
    expect(run(event, o)).toEqual(expected);
  });

  it("follows each person's preferences per channel", () => {
    const prefs = readPrefs({ newTicket: { mail: false, app: true }, mention: { mail: true, app: false }, customerReply: { mail: false, app: false } });
    const s = [member(3, "AGENT", [10], { prefs })];
    expect(run({ type: "ticket.created" }, { staff: s })).toEqual(["3:newTicket:a"]);
    expect(run({ type: "note.mention", mentionedIds: [3] }, { staff: s })).toEqual(["3:mention:m"]);
    expect(run({ type: "reply.customer" }, { staff: s, assigneeId: 3 })).toEqual([]);
  });

  it("away: no mail for broadcast events, personal ones and the bell stay", () => {
    const s = [member(3, "AGENT", [10], { away: true })];
    expect(run({ type: "ticket.created" }, { staff: s })).toEqual(["3:newTicket:a"]);
    expect(run({ type: "reply.customer" }, { staff: s, assigneeId: 3 })).toEqual(["3:customerReply:a"]);
    expect(run({ type: "ticket.assigned" }, { staff: s, assigneeId: 3 })).toEqual(["3:assigned:ma"]);
    expect(run({ type: "note.mention", mentionedIds: [3] }, { staff: s })).toEqual(["3:mention:ma"]);
  });

  it("defaults: any reply in the app only", () => {
    const s = [member(1, "ADMIN", [], { prefs: DEFAULT_PREFS }), member(3, "AGENT", [10], { prefs: DEFAULT_PREFS })];
    expect(run({ type: "reply.customer" }, { staff: s, assigneeId: 3 })).toEqual(["1:anyReply:a", "3:customerReply:ma"]);
  });
});

describe("readPrefs", () => {
  it.each<[string, unknown, Partial<NotifyPrefs>]>([
    ["empty column: defaults", {}, DEFAULT_PREFS],
    ["first-wave switch false: mail off, app default", { newTicket: false }, { newTicket: { mail: false, app: true } }],
    ["partial channels fill from defaults", { anyReply: { mail: true } }, { anyReply: { mail: true, app: true } }],
    ["garbage falls back", { mention: "yes", assigned: [1] }, { mention: DEFAULT_PREFS.mention, assigned: DEFAULT_PREFS.assigned }],
    ["not an object", "x", DEFAULT_PREFS],
  ])("%s", (_n, stored, expected) => {
    expect(readPrefs(stored)).toMatchObject(expected);
  });
});
