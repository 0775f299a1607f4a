import { describe, expect, it } from "vitest";
import { signTicketRef } from "./markers";
import { matchThread, type ThreadMatchInput } from "./thread-match";
import { parseLegacyThreading, type LegacyThreading } from "./legacy-thread";

const key = Buffer.from("thread-test-key");
const legacy: LegacyThreading = { ticketStrings: ["## Номер заявки:"], subjectTitles: ["Support Ticket"], replyStrings: [], maxTicketId: 2000 };
const withLegacy = { key, ticketStrings: ["## Ticket ID:", "## Номер заявки:"], legacy };
const base: ThreadMatchInput = { toAddresses: ["support@example.com"], text: "Hello", subject: "Printer" };
const wrongSig = (id: number) => signTicketRef(id, key).replace(/.$/, (c) => (c === "0" ? "1" : "0"));

describe("matchThread with an imported helpdesk's old notifications", () => {
  it.each<[string, Partial<ThreadMatchInput>, ReturnType<typeof matchThread>]>([
    ["subject [ID: n] of an imported ticket", { subject: "Re: Support Ticket [ID: 1042]: Printer" }, { ticketId: 1042, rule: "legacy", forged: false }],
    ["subject token matched whatever the title setting says", { subject: "AW: Другой заголовок [ID: 7]: x" }, { ticketId: 7, rule: "legacy", forged: false }],
    ["unsigned ticket string in the quote (also our own string)", { text: "Ок\n> ## Номер заявки: 1042\n" }, { ticketId: 1042, rule: "legacy", forged: false }],
    ["a number above the imported ones is not legacy: still forged", { text: "> ## Номер заявки: 2001" }, { ticketId: null, rule: null, forged: true }],
    ["subject number above the imported ones: no match", { subject: "Re: Support Ticket [ID: 5000]: x" }, { ticketId: null, rule: null, forged: false }],
    ["a wrong signature stays forged even with a legacy subject", { text: `> ## Номер заявки: ${wrongSig(1042)}`, subject: "[ID: 1042]" }, { ticketId: null, rule: null, forged: true }],
    ["a signed reference still wins", { text: `> ## Номер заявки: ${signTicketRef(1500, key)}\n> ## Номер заявки: 1042`, subject: "[ID: 1042]" }, { ticketId: 1500, rule: "ticket-string", forged: false }],
    ["legacy comes before our unsigned [#n] token", { subject: "[#77] [ID: 1042]" }, { ticketId: 1042, rule: "legacy", forged: false }],
  ])("%s", (_name, over, expected) => {
    expect(matchThread({ ...base, ...over }, withLegacy)).toEqual(expected);
  });

  it("without an import the old shapes mean nothing (and an unsigned line is forged as before)", () => {
    const ctx = { key, ticketStrings: ["## Номер заявки:"] };
    expect(matchThread({ ...base, subject: "[ID: 1042]" }, ctx)).toEqual({ ticketId: null, rule: null, forged: false });
    expect(matchThread({ ...base, text: "> ## Номер заявки: 1042" }, ctx)).toEqual({ ticketId: null, rule: null, forged: true });
  });

  it("a legacy ticket string different from ours is read too", () => {
    const other = { ...withLegacy, legacy: { ...legacy, ticketStrings: ["## Ticket ID:"] }, ticketStrings: ["## Номер заявки:"] };
    expect(matchThread({ ...base, text: "> ## Ticket ID: 12" }, other)).toEqual({ ticketId: 12, rule: "legacy", forged: false });
  });

  it("parses only a well-formed settings row", () => {
    expect(parseLegacyThreading(null)).toBeNull();
    expect(parseLegacyThreading({ maxTicketId: 0 })).toBeNull();
    expect(parseLegacyThreading({ ticketStrings: ["## Номер заявки:", 5, "x"], maxTicketId: 10 })).toEqual({ ticketStrings: ["## Номер заявки:"], subjectTitles: [], replyStrings: [], maxTicketId: 10 });
  });
});
