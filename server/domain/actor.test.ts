// Who the sender of a mail is: staff only with a signed marker, an unproven sign-up is no account.
import { describe, it, expect } from "vitest";
import { mailSender, type MailSenderFacts } from "./actor";

const user = (over: Partial<NonNullable<MailSenderFacts["user"]>> = {}): NonNullable<MailSenderFacts["user"]> => ({
  id: 5, role: "CUSTOMER", email: "a@x.test", name: "A", locale: "en", isActive: true, hasPassword: true, verified: true, ...over,
});
const ticket = { id: 7, requesterId: 5, ccEmails: ["cc@x.test"] };
const facts = (over: Partial<MailSenderFacts>): MailSenderFacts => ({ email: "a@x.test", user: null, ticket: null, signed: false, locale: "en", ...over });

describe("mailSender", () => {
  it.each<[string, Partial<MailSenderFacts>, string, string]>([
    ["staff with a signed marker", { user: user({ role: "AGENT", id: 9 }), ticket, signed: true }, "staff", "user"],
    ["staff by the subject token only", { user: user({ role: "AGENT", id: 9 }), ticket, signed: false }, "unverified-staff", "anonymous"],
    ["staff opening a new ticket is a customer like any", { user: user({ role: "ADMIN", id: 9 }) }, "customer", "user"],
    ["requester with a password", { user: user(), ticket }, "requester", "user"],
    ["requester without a password", { user: user({ hasPassword: false, verified: false }), ticket }, "requester", "guest"],
    ["cc of the ticket", { email: "CC@x.test", ticket }, "cc", "participant"],
    ["stranger on a ticket", { email: "z@x.test", ticket }, "unknown", "anonymous"],
    ["known customer, new ticket", { user: user() }, "customer", "user"],
    ["password-less customer, new ticket", { user: user({ hasPassword: false, verified: false }) }, "customer-passwordless", "anonymous"],
    ["unproven sign-up: no account", { user: user({ verified: false }) }, "unknown", "anonymous"],
    ["unproven sign-up is not the requester either", { user: user({ verified: false }), ticket }, "unknown", "anonymous"],
    ["inactive", { user: user({ isActive: false }) }, "inactive", "inactive"],
  ])("%s", (_name, over, kind, actorKind) => {
    const s = mailSender(facts(over));
    expect([s.kind, s.actor.kind]).toEqual([kind, actorKind]);
  });
});
