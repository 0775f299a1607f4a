import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  findSubjectToken,
  findTicketInReferences,
  findTicketRefInText,
  makeMessageId,
  parseOwnMessageId,
  parsePlusAddress,
  plusAddress,
  signTicketRef,
  subjectToken,
  ticketStringLine,
  verifyTicketRef,
} from "./markers";

const key = "test-key-not-secret";
const otherKey = Buffer.from("another-key");
const hex6 = (id: number) => crypto.createHmac("sha256", key).update(`ticket:${id}`).digest("hex").slice(0, 6);
/** Same shape, wrong HMAC: flips the last hex digit. */
const tamper = (ref: string) => ref.slice(0, -1) + (ref.endsWith("0") ? "1" : "0");

describe("signTicketRef / verifyTicketRef", () => {
  it("signs as <id>-<6 hex of HMAC-SHA256('ticket:<id>')>", () => {
    expect(signTicketRef(1042, key)).toBe(`1042-${hex6(1042)}`);
    expect(signTicketRef(1042, key)).toMatch(/^1042-[0-9a-f]{6}$/);
  });

  it("accepts Buffer and string keys alike", () => {
    expect(signTicketRef(7, Buffer.from(key))).toBe(signTicketRef(7, key));
  });

  it.each([
    ["its own ref", signTicketRef(1042, key), 1042],
    ["upper-case hex", signTicketRef(1042, key).toUpperCase(), 1042],
    ["tampered hmac", tamper(signTicketRef(1042, key)), null],
    ["another id with this hmac", `1043-${hex6(1042)}`, null],
    ["signed with another key", signTicketRef(1042, otherKey), null],
    ["no hmac", "1042", null],
    ["short hmac", `1042-${hex6(1042).slice(0, 4)}`, null],
    ["zero id", `0-${hex6(0)}`, null],
    ["leading zero", `01042-${hex6(1042)}`, null],
    ["empty", "", null],
  ])("%s → %s", (_, ref, expected) => {
    expect(verifyTicketRef(ref as string, key)).toBe(expected);
  });

  it("rejects invalid ids when signing", () => {
    expect(() => signTicketRef(0, key)).toThrow(RangeError);
    expect(() => signTicketRef(1.5, key)).toThrow(RangeError);
  });
});

describe("ticketStringLine / findTicketRefInText", () => {
  const strings = ["## Ticket ID:", "## Номер заявки:"];
  const en = ticketStringLine("## Ticket ID:", 1042, key);
  const ru = ticketStringLine("## Номер заявки:", 77, key);

  it("renders the line", () => {
    expect(en).toBe(`## Ticket ID: 1042-${hex6(1042)}`);
  });

  it.each([
    ["plain line", `Hello\n${en}\nBye`, { id: 1042, forged: false }],
    ["ru line", `Привет\n${ru}`, { id: 77, forged: false }],
    ["behind quote marks", `Thanks\n\n> ${en}\n> text`, { id: 1042, forged: false }],
    ["behind nested quotes and spaces", `>> > ${en}`, { id: 1042, forged: false }],
    ["CRLF", `a\r\n> ${en}\r\n`, { id: 1042, forged: false }],
    ["not at line start", `see ${en}`, { id: null, forged: false }],
    ["no marker", "nothing here", { id: null, forged: false }],
    ["forged hmac", `> ${tamper(en)}`, { id: null, forged: true }],
    ["typed number without hmac", "## Ticket ID: 1042", { id: null, forged: true }],
    ["forged first, genuine later", `## Ticket ID: 1-abcdef\n> ${en}`, { id: 1042, forged: false }],
  ])("%s", (_, text, expected) => {
    expect(findTicketRefInText(text as string, strings, key)).toEqual(expected);
  });

  it("finds nothing without configured strings", () => {
    expect(findTicketRefInText(en, [], key)).toEqual({ id: null, forged: false });
    expect(findTicketRefInText(en, ["  "], key)).toEqual({ id: null, forged: false });
  });
});

describe("makeMessageId / parseOwnMessageId", () => {
  const id = makeMessageId({ ticketId: 1042, domain: "help.example.com", key, random: "r4nd0m" });

  it("has the documented shape", () => {
    expect(id).toMatch(/^<ticket-1042\.r4nd0m\.[0-9a-f]{8}@help\.example\.com>$/);
  });

  it.each([
    ["our id", id, 1042],
    ["without angle brackets", id.slice(1, -1), 1042],
    ["with surrounding whitespace", `  ${id} `, 1042],
    ["tampered hmac", id.replace(/\.([0-9a-f]{8})@/, (_, h: string) => `.${tamper(h)}@`), null],
    ["other random, same hmac", id.replace("r4nd0m", "other"), null],
    ["other ticket, same hmac", id.replace("ticket-1042", "ticket-1043"), null],
    ["another key", makeMessageId({ ticketId: 1042, domain: "x.org", key: otherKey, random: "a" }), null],
    ["empty string", "", null],
    ["empty brackets", "<>", null],
    ["someone else's id", "<CAF=abc@mail.gmail.com>", null],
  ])("%s → %s", (_, value, expected) => {
    expect(parseOwnMessageId(value as string, key)).toBe(expected);
  });

  it("refuses a random part or domain that would break the grammar", () => {
    expect(() => makeMessageId({ ticketId: 1, domain: "x.org", key, random: "a.b" })).toThrow(RangeError);
    expect(() => makeMessageId({ ticketId: 1, domain: "x.org", key, random: "" })).toThrow(RangeError);
    expect(() => makeMessageId({ ticketId: 1, domain: "x.org>", key, random: "a" })).toThrow(RangeError);
  });
});

describe("findTicketInReferences", () => {
  const a = makeMessageId({ ticketId: 5, domain: "h.example", key, random: "a" });
  const b = makeMessageId({ ticketId: 6, domain: "h.example", key, random: "b" });

  it.each([
    ["In-Reply-To", a, undefined, 5],
    ["References string", undefined, `<x@gmail.com> ${a} <y@gmail.com>`, 5],
    ["References array", undefined, ["<x@gmail.com>", a], 5],
    ["In-Reply-To wins over References", b, a, 6],
    ["newest reference wins", undefined, `${a}\r\n ${b}`, 6],
    ["folded references without brackets", undefined, `${a.slice(1, -1)} x@y`, 5],
    ["none of ours", "<x@y>", "<z@w>", null],
    ["empty values never match", "", ["", "<>"], null],
    ["nothing", undefined, undefined, null],
  ])("%s", (_, inReplyTo, references, expected) => {
    expect(findTicketInReferences(inReplyTo as string | undefined, references as string | string[] | undefined, key)).toBe(
      expected,
    );
  });
});

describe("plusAddress / parsePlusAddress", () => {
  const addr = plusAddress("support@example.com", 1042, key);

  it("has the documented shape", () => {
    expect(addr).toMatch(/^support\+t1042-[0-9a-f]{6}@example\.com$/);
  });

  it("replaces an existing sub-address and lower-cases", () => {
    expect(plusAddress("Support+Desk@Example.com", 1042, key)).toBe(addr);
  });

  it.each([
    ["bare", addr, 1042],
    ["with display name", `"Support" <${addr}>`, 1042],
    ["upper-cased by an MTA", addr.toUpperCase(), 1042],
    ["tampered", addr.replace(/-([0-9a-f]{6})@/, (_, h: string) => `-${tamper(h)}@`), null],
    ["the body-marker hmac does not work here", `support+t1042-${hex6(1042)}@example.com`, null],
    ["plain mailbox", "support@example.com", null],
    ["empty", "", null],
  ])("%s → %s", (_, value, expected) => {
    expect(parsePlusAddress(value as string, key)).toBe(expected);
  });

  it("rejects a mailbox without a domain", () => {
    expect(() => plusAddress("support", 1, key)).toThrow(RangeError);
  });
});

describe("subject token", () => {
  it("renders [#id]", () => {
    expect(subjectToken(1042)).toBe("[#1042]");
  });

  it.each([
    ["Re: [#1042] Printer", 1042],
    ["AW: WG: [#7] x [#8]", 7],
    ["[# 1042]", null],
    ["#1042", null],
    ["[#0]", null],
    ["", null],
  ])("%s → %s", (subject, expected) => {
    expect(findSubjectToken(subject as string)).toBe(expected);
  });
});
