// The raw-mail download route: staff get the original .eml; customers (even the ticket's own
// requester), guests and anonymous callers get 404, as for an id that does not exist.
import { describe, it, expect } from "vitest";
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { makeActor, makeUser, firstCategoryId, statusByKey } from "@/server/testing/factories";
import { callerFor } from "@/server/testing/caller";
import { hashToken } from "@/server/auth/token-hash";
import { GET } from "@/app/api/raw-mail/[id]/route";

async function mailTicket() {
  const customer = await makeUser({ role: "CUSTOMER" });
  const raw = Buffer.from("From: a@client.example\r\nSubject: Hi\r\nMessage-ID: <x@client.example>\r\n\r\n<script>alert(1)</script>\r\n");
  const t = await db().ticket.create({
    data: { title: "Hi", body: "x", bodyHtml: "<p>x</p>", categoryId: await firstCategoryId(), statusId: (await statusByKey("new")).id, requesterId: customer.id, source: "EMAIL" },
  });
  const mail = await db().inboundMail.create({
    data: { mailboxKey: "default", messageKey: "<x@client.example>", size: raw.length, sha256: crypto.createHash("sha256").update(raw).digest("hex"), outcome: "created", ticketId: t.id, raw },
  });
  return { customer, t, mail, raw };
}

async function tokenFor(role: "AGENT" | "ADMIN") {
  const u = await makeUser({ role });
  const token = `hd_${crypto.randomBytes(16).toString("hex")}`;
  await db().apiToken.create({ data: { name: "t", prefix: token.slice(0, 8), tokenHash: hashToken(token), userId: u.id } });
  return token;
}

const get = (id: number, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/raw-mail/${id}`, { headers }), { params: Promise.resolve({ id: String(id) }) });

describe("raw mail download", () => {
  it("staff download the original source, inert", async () => {
    const { mail, raw, t } = await mailTicket();
    const res = await get(mail.id, { authorization: `Bearer ${await tokenFor("AGENT")}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("message/rfc822");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBe(true);
    const { actor: agent } = await makeActor("AGENT");
    expect((await callerFor(agent).ticket.byId({ id: t.id })).openingRawMailId).toBe(mail.id);
  });

  it("ASVS 5.0 V8.2.2: customers, even the requester, and anonymous callers get 404", async () => {
    const { mail, customer, t } = await mailTicket();
    expect((await get(mail.id, { authorization: "Bearer wrong" })).status).toBe(404);
    expect((await get(999999, { authorization: `Bearer ${await tokenFor("AGENT")}` })).status).toBe(404);
    const dto = await callerFor({ kind: "user", userId: customer.id, role: "CUSTOMER", email: customer.email, name: customer.name, locale: "en", via: "session" }).ticket.byId({ id: t.id });
    expect(dto.openingRawMailId).toBeNull();
  });
});
