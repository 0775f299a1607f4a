import { describe, expect, it } from "vitest";
import { classifyAutomatic, type AutomaticKind, type HeaderBag } from "./auto-reply";

const own = { ownAddresses: ["support@example.com", "Help Desk <help@example.com>"] };
const human = { from: "Anna <anna@example.org>", subject: "Printer", "content-type": "text/plain; charset=utf-8" };

describe("classifyAutomatic", () => {
  it.each<[string, Record<string, string | string[] | undefined>, AutomaticKind | null]>([
    ["an ordinary mail", {}, null],
    ["Auto-Submitted: auto-replied", { "Auto-Submitted": "auto-replied" }, "auto-reply"],
    ["Auto-Submitted: auto-generated", { "auto-submitted": "auto-generated" }, "auto-reply"],
    ["Auto-Submitted: no", { "Auto-Submitted": "no" }, null],
    ["Auto-Submitted: No (comment)", { "AUTO-SUBMITTED": "No (manual)" }, null],
    ["Precedence: bulk", { Precedence: "bulk" }, "list"],
    ["Precedence: junk", { precedence: "JUNK" }, "list"],
    ["Precedence: list", { Precedence: "list" }, "list"],
    ["Precedence: auto_reply", { Precedence: "auto_reply" }, "auto-reply"],
    ["Precedence: first-class", { Precedence: "first-class" }, null],
    ["X-Autoreply", { "X-Autoreply": "yes" }, "auto-reply"],
    ["X-Autorespond", { "x-autorespond": "vacation" }, "auto-reply"],
    ["X-Auto-Response-Suppress", { "X-Auto-Response-Suppress": "All" }, "auto-reply"],
    ["List-Id", { "List-Id": "<dev.lists.example.org>" }, "list"],
    ["List-Unsubscribe", { "List-Unsubscribe": "<mailto:u@example.org>" }, "list"],
    ["X-Failed-Recipients", { "X-Failed-Recipients": "nobody@example.org" }, "bounce"],
    ["Return-Path: <>", { "Return-Path": "<>" }, "bounce"],
    ["Return-Path: < > with spaces", { "return-path": " < > " }, "bounce"],
    ["Return-Path of a person", { "Return-Path": "<anna@example.org>" }, null],
    ["From MAILER-DAEMON@", { From: "Mail Delivery System <MAILER-DAEMON@mx.example.org>" }, "bounce"],
    ["From postmaster@", { from: "postmaster@example.org" }, "bounce"],
    ["From someone named postmaster-like", { from: "postmaster.jones@example.org" }, null],
    ["multipart/report delivery-status", { "Content-Type": 'multipart/report; report-type="delivery-status"; boundary=x' }, "bounce"],
    ["multipart/report read receipt", { "Content-Type": "multipart/report; report-type=disposition-notification" }, "auto-reply"],
    ["From our own address", { from: "Support <SUPPORT@example.com>" }, "own"],
    ["From our own plus-address", { from: "support+t12-abcdef@example.com" }, "own"],
    ["From our second address", { from: "help@example.com" }, "own"],
    ["undefined values are absent", { "List-Id": undefined, "Auto-Submitted": undefined }, null],
    ["repeated header as array", { Received: ["a", "b"], "X-Autoreply": ["yes"] }, "auto-reply"],
  ])("%s → %s", (_, extra, kind) => {
    // Header names are case-insensitive, so an override must replace the base header of any case.
    const names = new Set(Object.keys(extra).map((k) => k.toLowerCase()));
    const base = Object.fromEntries(Object.entries(human).filter(([k]) => !names.has(k.toLowerCase())));
    const result = classifyAutomatic({ ...base, ...extra }, own);
    expect(result.kind).toBe(kind);
    expect(result.automatic).toBe(kind !== null);
    expect(result.reason === null).toBe(kind === null);
  });

  it("accepts a Map with any header-name case", () => {
    const headers: HeaderBag = new Map([
      ["from", "anna@example.org"],
      ["AUTO-SUBMITTED", "auto-replied"],
    ]);
    expect(classifyAutomatic(headers, own)).toEqual({
      automatic: true,
      kind: "auto-reply",
      reason: "Auto-Submitted: auto-replied",
    });
  });

  it("prefers opts.from and opts.contentType over the headers", () => {
    expect(classifyAutomatic({ from: "anna@example.org" }, { ...own, from: "support@example.com" }).kind).toBe("own");
    expect(classifyAutomatic({}, { ...own, contentType: "multipart/report; report-type=delivery-status" }).kind).toBe(
      "bounce",
    );
  });

  it("ignores blank own addresses", () => {
    expect(classifyAutomatic({ from: "" }, { ownAddresses: ["", " "] }).automatic).toBe(false);
  });
});
