// A reply is never lost to the search index: a thread whose words outgrow PostgreSQL's 1 MB
// tsvector limit still stores every message (migration 0002's fallback). Each text is indexed
// from its first 10,000 characters (migration 0027, issue 21).
import { describe, it, expect } from "vitest";
import crypto from "node:crypto";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId } from "@/server/testing/factories";
import { db } from "@/server/db/client";

const words = (n: number) => Array.from({ length: n }, () => crypto.randomBytes(6).toString("hex")).join(" ");

describe("search vector limits", () => {
  it("stores replies even when the ticket's search vector is full, and search still finds the title", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const { actor: agent } = await makeActor("AGENT");
    const t = await callerFor(customer).ticket.create({ title: "Huge thread zebracorn", body: "start", categoryId: await firstCategoryId() });
    // 100 messages of unique 32-letter words (~12 KB of vector each from their first 10,000
    // characters): past the 1 MB tsvector limit; then replies through the API
    await db().$executeRaw`
      INSERT INTO messages (ticket_id, body_text, body_html)
      SELECT ${t.id}, w.txt, '' FROM generate_series(1, 100) g,
        LATERAL (SELECT string_agg(md5(random()::text || g || i), ' ') AS txt FROM generate_series(1, 320) i WHERE g > 0) w`;
    const [{ size }] = await db().$queryRaw<[{ size: number }]>`SELECT length(string_agg(search_vector::text, ''))::int AS size FROM messages WHERE ticket_id = ${t.id}`;
    expect(size).toBeGreaterThan(1_100_000);
    for (let i = 0; i < 3; i++) await callerFor(agent).ticket.reply({ ticketId: t.id, body: words(3_800) });
    expect(await db().message.count({ where: { ticketId: t.id } })).toBe(103);
    const found = await callerFor(agent).ticket.list({ limit: 5, search: "zebracorn" });
    expect(found.items.map((x) => x.id)).toEqual([t.id]);
  });

  it("indexes the first 10,000 characters of a text: a word there is found, one further on is not", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const { actor: agent } = await makeActor("AGENT");
    const filler = "x".repeat(9_000);
    const t = await callerFor(customer).ticket.create({ title: "Long log", body: `${filler} aardvarkish ${filler} quokkaless`, categoryId: await firstCategoryId() });
    await callerFor(agent).ticket.reply({ ticketId: t.id, body: `${filler} wombatish ${filler} platypusless` });
    const find = async (q: string) => (await callerFor(agent).ticket.list({ limit: 5, search: q })).items.map((x) => x.id);
    expect(await find("aardvarkish")).toEqual([t.id]);
    expect(await find("wombatish")).toEqual([t.id]);
    expect(await find("quokkaless")).toEqual([]);
    expect(await find("platypusless")).toEqual([]);
  });

  it("finds a ticket by a word that only appears in a reply", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const { actor: agent } = await makeActor("AGENT");
    const t = await callerFor(customer).ticket.create({ title: "Printer", body: "broken", categoryId: await firstCategoryId() });
    await callerFor(agent).ticket.reply({ ticketId: t.id, body: "Замените картриджи, пожалуйста" });
    expect((await callerFor(agent).ticket.list({ limit: 5, search: "картридж" })).items.map((x) => x.id)).toEqual([t.id]);
  });
});
