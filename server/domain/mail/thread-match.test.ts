import { describe, expect, it } from "vitest";
import { makeMessageId, plusAddress, signTicketRef, ticketStringLine } from "./markers";
import { matchThread, senderMayReply, type ThreadMatchInput } from "./thread-match";

const key = Buffer.from("thread-test-key");
const ctx = { key, ticketStrings: ["## Ticket ID:", "## Номер заявки:"] };
const msgId = (id: number) => makeMessageId({ ticketId: id, domain: "help.example.com", key, random: `r${id}` });
const base: ThreadMatchInput = { toAddresses: ["support@example.com"], text: "Hello", subject: "Printer" };
/** A well-formed marker for ticket 40 whose HMAC is wrong (last hex digit flipped). */
const forgedLine = `> ## Ticket ID: ${signTicketRef(40, key).replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`;

describe("matchThread", () => {
  it.each<[string, Partial<ThreadMatchInput>, ReturnType<typeof matchThread>]>([
    ["nothing matches", {}, { ticketId: null, rule: null, forged: false }],
    ["In-Reply-To with our Message-ID", { inReplyTo: msgId(10) }, { ticketId: 10, rule: "message-id", forged: false }],
    ["References only", { references: ["<a@b>", msgId(11)] }, { ticketId: 11, rule: "message-id", forged: false }],
    [
      "plus-token in To",
      { toAddresses: ["x@y.z", `Support <${plusAddress("support@example.com", 20, key)}>`] },
      { ticketId: 20, rule: "plus-token", forged: false },
    ],
    [
      "ticket string in the quoted body",
      { text: `Thanks\n\n> ${ticketStringLine("## Ticket ID:", 30, key)}` },
      { ticketId: 30, rule: "ticket-string", forged: false },
    ],
    ["subject token", { subject: "Re: [#50] Printer" }, { ticketId: 50, rule: "subject", forged: false }],
    [
      "Message-ID beats every other rule",
      {
        inReplyTo: msgId(10),
        toAddresses: [plusAddress("support@example.com", 20, key)],
        text: ticketStringLine("## Ticket ID:", 30, key),
        subject: "[#50]",
      },
      { ticketId: 10, rule: "message-id", forged: false },
    ],
    [
      "plus-token beats ticket string and subject",
      { toAddresses: [plusAddress("support@example.com", 20, key)], text: ticketStringLine("## Ticket ID:", 30, key), subject: "[#50]" },
      { ticketId: 20, rule: "plus-token", forged: false },
    ],
    [
      "ticket string beats subject",
      { text: ticketStringLine("## Номер заявки:", 30, key), subject: "[#50]" },
      { ticketId: 30, rule: "ticket-string", forged: false },
    ],
    ["forged marker: no ticket, not even by subject", { text: forgedLine, subject: "Re: [#40]" }, { ticketId: null, rule: null, forged: true }],
    ["typed number without HMAC is forged", { text: "## Ticket ID: 40", subject: "[#40]" }, { ticketId: null, rule: null, forged: true }],
    [
      "forged Message-ID and plus-token fall through",
      {
        inReplyTo: msgId(10).replace(/\.([0-9a-f]{8})@/, ".00000000@"),
        toAddresses: ["support+t20-000000@example.com"],
        subject: "[#50]",
      },
      { ticketId: 50, rule: "subject", forged: false },
    ],
    ["empty In-Reply-To never matches", { inReplyTo: "", references: "" }, { ticketId: null, rule: null, forged: false }],
  ])("%s", (_, input, expected) => {
    expect(matchThread({ ...base, ...input }, ctx)).toEqual(expected);
  });
});

describe("senderMayReply", () => {
  const ticket = { requesterEmail: "Anna@Example.com", ccEmails: ["boss@example.com", "it@example.org"] };
  it.each([
    ["the requester", "anna@example.com", false, true],
    ["the requester with display name and case", '"Anna" <ANNA@EXAMPLE.COM>', false, true],
    ["a known CC", "Boss <boss@EXAMPLE.com>", false, true],
    ["staff", "agent@helpdesk.example", true, true],
    ["a stranger", "mallory@evil.example", false, false],
    ["a look-alike", "anna@example.com.evil", false, false],
    ["an empty sender", "", false, false],
  ])("%s → %s", (_, sender, isStaff, expected) => {
    expect(senderMayReply({ sender: sender as string, isStaff: isStaff as boolean, ...ticket })).toBe(expected);
  });
});
