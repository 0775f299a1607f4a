// The staff fan-out writes exactly the rows enqueueStaffBatch() writes (one rendering per agent),
// whether the template leaves the agent's name out (one body shared by all rows), puts it in
// the body (PostgreSQL joins it in), or the name is one the marker cannot stand for.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { OutboxMail } from "@/server/generated/prisma/client";
import { makeUser, firstCategoryId, statusByKey } from "@/server/testing/factories";
import { loadEnqueueContext, enqueueStaffBatch } from "./enqueue";
import { enqueueStaffFanout, type StaffRecipient } from "./staff-fanout";

async function ticket() {
  const customer = await makeUser({ role: "CUSTOMER" });
  return db().ticket.create({
    data: { title: "Printer <on> fire", body: "It smokes.\nA lot & more.", bodyHtml: "<p>x</p>", categoryId: await firstCategoryId(), statusId: (await statusByKey("new")).id, requesterId: customer.id, source: "EMAIL" },
  });
}

const recipients: StaffRecipient[] = [
  { email: "Ann@Example.test", name: "Ann <the> \"Admin\" & Co", locale: "ru" },
  { email: "bob@example.test", name: "Bob", locale: "en" },
  { email: "cyd@example.test", name: "  Cyd\n Odd  ", locale: "en" }, // not plain: rendered on its own
  { email: "dee@example.test", name: "Dee", locale: "ru" },
];

// everything but what is random or per insert
const shape = (rows: OutboxMail[]) =>
  rows
    .map(({ id: _id, messageIdHeader, createdAt: _c, nextAttemptAt: _n, ticketId: _t, ...r }) => ({ ...r, mid: messageIdHeader.replace(/[^@]+@/, "…@") }))
    .sort((a, b) => a.toEmail.localeCompare(b.toEmail));

async function both(template: "staff.new-ticket" | "staff.customer-reply") {
  const ctx = await loadEnqueueContext(db());
  const a = await ticket();
  const b = await ticket();
  const vars = (id: number) => ({ "ticket.number": id, "ticket.title": "Printer <on> fire", "ticket.text": "It smokes.\nA lot & more.", "reply.text": "More smoke.", "customer.name": "C", "customer.email": "c@x.test", link: `http://x/${id}` });
  await enqueueStaffBatch(db(), recipients.map((r) => ({ template, locale: r.locale, to: r.email, ticketId: a.id, vars: { ...vars(a.id), "ticket.number": 1, link: "L", "agent.name": r.name } })), ctx);
  await enqueueStaffFanout(db(), { template, ticketId: b.id, recipients, vars: { ...vars(b.id), "ticket.number": 1, link: "L" } }, ctx);
  const rows = async (id: number) => shape(await db().outboxMail.findMany({ where: { ticketId: id } }));
  const [ra, rb] = [await rows(a.id), await rows(b.id)];
  // the subject token names the ticket: compare without it
  const strip = (x: typeof ra, id: number) => x.map((r) => ({ ...r, subject: r.subject.replace(`[#${id}]`, "[#]") }));
  return { batch: strip(ra, a.id), fanout: strip(rb, b.id) };
}

describe("staff fan-out", () => {
  it("writes the rows one rendering per agent would, with the default templates", async () => {
    const { batch, fanout } = await both("staff.new-ticket");
    expect(fanout).toHaveLength(4);
    expect(fanout).toEqual(batch);
  });

  it("puts each agent's name where an admin's template shows it, escaped in HTML", async () => {
    for (const locale of ["ru", "en"]) {
      await db().mailTemplate.create({
        data: { key: "staff.customer-reply", locale, subject: "For {{agent.name}}: {{ticket.title}}", text: "Hello {{agent.name}},\n\n{{reply.text}}\n\n{{#if agent.name}}Bye {{agent.name}}{{/if}}", html: "<p>Hello {{agent.name}}</p><blockquote>{{reply.text}}</blockquote>" },
      });
    }
    const { batch, fanout } = await both("staff.customer-reply");
    expect(fanout).toEqual(batch);
    const ann = fanout.find((r) => r.toEmail === "ann@example.test")!;
    expect(ann.text).toContain('Hello Ann <the> "Admin" & Co,');
    expect(ann.html).toContain("Hello Ann &lt;the&gt; &quot;Admin&quot; &amp; Co</p>");
    expect(ann.subject).toContain('For Ann <the> "Admin" & Co: Printer <on> fire');
  });
});
