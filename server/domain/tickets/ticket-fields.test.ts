// Table tests for the priority and category rules (issue 15.1, 15.2).
import { describe, it, expect } from "vitest";
import type { Actor } from "../actor";
import { canSetPriority, categoryFilterIds, categoryRejection, groupCategories, parentRejection, priorityForNewTicket, type CategoryFacts } from "./ticket-fields";

const ROLES: Record<string, Actor> = {
  anonymous: { kind: "anonymous" },
  guest: { kind: "guest", userId: 10, ticketId: 7, locale: "en" },
  customer: { kind: "user", userId: 10, role: "CUSTOMER", email: "o@x.test", name: "O", locale: "en", via: "session" },
  agent: { kind: "user", userId: 20, role: "AGENT", email: "a@x.test", name: "A", locale: "en", via: "session" },
  admin: { kind: "user", userId: 30, role: "ADMIN", email: "d@x.test", name: "D", locale: "en", via: "session" },
};

describe("canSetPriority: setting × role", () => {
  const table: Array<[boolean, Record<string, boolean>]> = [
    [false, { anonymous: false, guest: false, customer: false, agent: true, admin: true }],
    [true, { anonymous: true, guest: true, customer: true, agent: true, admin: true }],
  ];
  for (const [setting, expected] of table) {
    for (const [role, ok] of Object.entries(expected)) {
      it(`customerSetsPriority=${setting}, ${role} → ${ok}`, () => {
        expect(canSetPriority(ROLES[role]!, { customerSetsPriority: setting })).toBe(ok);
      });
    }
  }
  it("a new ticket keeps the requested priority when allowed, refuses it otherwise, else the default (null)", () => {
    expect(priorityForNewTicket(ROLES.customer!, { customerSetsPriority: false }, 4)).toBe("PRIORITY_NOT_ALLOWED");
    expect(priorityForNewTicket(ROLES.customer!, { customerSetsPriority: false }, undefined)).toBeNull();
    expect(priorityForNewTicket(ROLES.customer!, { customerSetsPriority: true }, 4)).toBe(4);
    expect(priorityForNewTicket(ROLES.agent!, { customerSetsPriority: false }, 3)).toBe(3);
    expect(priorityForNewTicket(ROLES.agent!, { customerSetsPriority: false }, undefined)).toBeNull();
  });
});

const cat = (id: number, parentId: number | null, extra: Partial<CategoryFacts> = {}): CategoryFacts => ({ id, parentId, noTickets: false, archived: false, ...extra });

describe("categoryRejection", () => {
  const all = [cat(1, null, { noTickets: true }), cat(2, 1), cat(3, 1, { archived: true }), cat(4, null), cat(5, null, { archived: true }), cat(6, 5), cat(7, null, { noTickets: true }), cat(8, 7, { archived: true })];
  const table: Array<[number, string | null]> = [
    [1, "CATEGORY_NEEDS_CHILD"], // a "no tickets" parent with an active child
    [2, null],
    [3, "UNKNOWN_CATEGORY"], // archived child
    [4, null],
    [5, "UNKNOWN_CATEGORY"],
    [6, "UNKNOWN_CATEGORY"], // child of an archived parent
    [7, null], // "no tickets" but every child archived: it takes tickets again rather than none
    [99, "UNKNOWN_CATEGORY"],
  ];
  for (const [id, want] of table) it(`category ${id} → ${want}`, () => expect(categoryRejection(all.find((c) => c.id === id), all)).toBe(want));
});

describe("parentRejection: one level only", () => {
  const all = [cat(1, null), cat(2, 1), cat(3, null)];
  const table: Array<[number | null, number | null, string | null]> = [
    [null, null, null],
    [null, 1, null], // new child of a top category
    [3, 1, null],
    [3, 2, "CATEGORY_DEPTH"], // 2 is a child already
    [1, 3, "CATEGORY_DEPTH"], // 1 has children: it cannot become a child
    [1, 1, "CATEGORY_DEPTH"],
    [3, 42, "UNKNOWN_CATEGORY"],
  ];
  for (const [id, parent, want] of table) it(`${id} under ${parent} → ${want}`, () => expect(parentRejection(id, parent, all)).toBe(want));
});

describe("category filters and pickers", () => {
  const rows = [cat(1, null), cat(2, 1), cat(3, 1), cat(4, null), cat(5, 9)];
  it("a parent's filter covers its children; a child's only itself", () => {
    expect(categoryFilterIds(1, rows)).toEqual([1, 2, 3]);
    expect(categoryFilterIds(2, rows)).toEqual([2]);
  });
  it("groups children under their parent; an orphan (parent archived) stays on top", () => {
    expect(groupCategories(rows).map((g) => [g.id, g.children.map((c) => c.id)])).toEqual([[1, [2, 3]], [4, []], [5, []]]);
  });
});
