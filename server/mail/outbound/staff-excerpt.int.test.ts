// Staff notification mails carry an excerpt (about 1,500 characters) and the ticket link, never
// the whole text of a long message (issue 16 point 3); the customer's own mails are unchanged.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId } from "@/server/testing/factories";

describe("staff notification excerpt", () => {
  it("a 20,000-character ticket and reply reach staff as ~1,500 characters and a link", async () => {
    const [customer, agent] = [await makeActor("CUSTOMER"), await makeActor("AGENT")];
    const body = `START ${"lorem ipsum dolor sit amet ".repeat(740)} THE-END-MARKER`;
    const id = (await callerFor(customer.actor).ticket.create({ title: "Long one", body, categoryId: await firstCategoryId() })).id;
    const mail = await db().outboxMail.findFirstOrThrow({ where: { ticketId: id, template: "staff.new-ticket", toEmail: agent.user.email } });
    expect(mail.text).toContain("START lorem ipsum");
    expect(mail.text).not.toContain("THE-END-MARKER");
    expect(mail.text.length).toBeLessThan(2500);
    expect(mail.text).toContain(`/staff/tickets/${id}`);
    expect(mail.html).not.toContain("THE-END-MARKER");

    await callerFor(customer.actor).ticket.reply({ ticketId: id, body: `Reply ${"more words here ".repeat(1500)} REPLY-END` });
    const reply = await db().outboxMail.findFirstOrThrow({ where: { ticketId: id, template: "staff.customer-reply" } });
    expect(reply.text).not.toContain("REPLY-END");
    expect(reply.text).toContain(" …");
  });
});
