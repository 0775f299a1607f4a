// Table tests for KB access: every actor × visibility × published × require login. A row reads
// left to right in ROLES order; "ok" means allowed, anything else is the reason code.
import { describe, it, expect } from "vitest";
import type { Actor } from "../actor";
import { canOpenKb, canReadArticle, canRateArticle, canEditArticles, canEditCategories, visibleLevels, voterKey, type KbDecision, type KbVisibility } from "./access";

const ROLES: Record<string, Actor> = {
  anonymous: { kind: "anonymous" },
  guest: { kind: "guest", userId: 10, ticketId: 7, locale: "en" },
  customer: { kind: "user", userId: 11, role: "CUSTOMER", email: "c@x.test", name: "C", locale: "en", via: "session" },
  agent: { kind: "user", userId: 20, role: "AGENT", email: "a@x.test", name: "A", locale: "en", via: "session" },
  admin: { kind: "user", userId: 21, role: "ADMIN", email: "ad@x.test", name: "Ad", locale: "en", via: "session" },
};
const NAMES = Object.keys(ROLES);
const show = (d: KbDecision) => (d.ok ? "ok" : d.reason);
const row = (f: (a: Actor) => KbDecision) => NAMES.map((n) => show(f(ROLES[n]!)));

//                     anonymous          guest              customer        agent  admin
const READ: [KbVisibility, boolean, boolean, string[]][] = [
  ["PUBLIC", true, false, ["ok", "ok", "ok", "ok", "ok"]],
  ["PUBLIC", true, true, ["LOGIN_REQUIRED", "LOGIN_REQUIRED", "ok", "ok", "ok"]],
  ["CUSTOMERS", true, false, ["LOGIN_REQUIRED", "LOGIN_REQUIRED", "ok", "ok", "ok"]],
  ["CUSTOMERS", true, true, ["LOGIN_REQUIRED", "LOGIN_REQUIRED", "ok", "ok", "ok"]],
  ["STAFF", true, false, ["NOT_VISIBLE", "NOT_VISIBLE", "NOT_VISIBLE", "ok", "ok"]],
  ["STAFF", true, true, ["LOGIN_REQUIRED", "LOGIN_REQUIRED", "NOT_VISIBLE", "ok", "ok"]],
  ["PUBLIC", false, false, ["NOT_VISIBLE", "NOT_VISIBLE", "NOT_VISIBLE", "ok", "ok"]],
  ["CUSTOMERS", false, true, ["LOGIN_REQUIRED", "LOGIN_REQUIRED", "NOT_VISIBLE", "ok", "ok"]],
];

describe("canReadArticle", () => {
  it.each(READ)("%s, published=%s, requireLogin=%s", (visibility, isPublished, requireLogin, expected) => {
    expect(row((a) => canReadArticle(a, { visibility, isPublished }, { requireLogin }))).toEqual(expected);
  });
});

describe("canRateArticle", () => {
  it("drafts cannot be voted on, even by staff; published ones by whoever reads them", () => {
    expect(row((a) => canRateArticle(a, { visibility: "PUBLIC", isPublished: false }, { requireLogin: false }))).toEqual(Array(5).fill("NOT_VISIBLE"));
    expect(row((a) => canRateArticle(a, { visibility: "CUSTOMERS", isPublished: true }, { requireLogin: false }))).toEqual(["LOGIN_REQUIRED", "LOGIN_REQUIRED", "ok", "ok", "ok"]);
  });
});

describe("canOpenKb and visibleLevels", () => {
  it.each([
    [false, ["ok", "ok", "ok", "ok", "ok"], [["PUBLIC"], ["PUBLIC"], ["PUBLIC", "CUSTOMERS"], ["PUBLIC", "CUSTOMERS", "STAFF"], ["PUBLIC", "CUSTOMERS", "STAFF"]]],
    [true, ["LOGIN_REQUIRED", "LOGIN_REQUIRED", "ok", "ok", "ok"], [[], [], ["PUBLIC", "CUSTOMERS"], ["PUBLIC", "CUSTOMERS", "STAFF"], ["PUBLIC", "CUSTOMERS", "STAFF"]]],
  ] as const)("requireLogin=%s", (requireLogin, open, levels) => {
    expect(row((a) => canOpenKb(a, { requireLogin }))).toEqual(open);
    expect(NAMES.map((n) => visibleLevels(ROLES[n]!, { requireLogin }))).toEqual(levels);
  });

  it("system (cron, CLI) sees everything", () => {
    expect(visibleLevels({ kind: "system" }, { requireLogin: true })).toEqual(["PUBLIC", "CUSTOMERS", "STAFF"]);
  });
});

describe("editing", () => {
  it("articles: staff; categories: admins", () => {
    expect(row(canEditArticles)).toEqual(["STAFF_ONLY", "STAFF_ONLY", "STAFF_ONLY", "ok", "ok"]);
    expect(row(canEditCategories)).toEqual(["STAFF_ONLY", "STAFF_ONLY", "STAFF_ONLY", "STAFF_ONLY", "ok"]);
  });
});

describe("voterKey", () => {
  it("one vote per account, per ticket-link owner, or per browser", () => {
    expect(NAMES.map((n) => voterKey(ROLES[n]!, "abc"))).toEqual(["v:abc", "u:10", "u:11", "u:20", "u:21"]);
    expect(voterKey(ROLES.anonymous!, null)).toBeNull();
  });
});
