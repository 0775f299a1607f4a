// A reply is never lost to the search index: a thread whose words outgrow PostgreSQL's 1 MB
// tsvector limit still stores every message (migration 0002's fallback).
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
    // 16 replies of 3,800 unique words (~80 KB of vector each): past the 1 MB tsvector limit
    for (let i = 0; i < 16; i++) await callerFor(agent).ticket.reply({ ticketId: t.id, body: words(3_800) });
    expect(await db().message.count({ where: { ticketId: t.id } })).toBe(16);
    const found = await callerFor(agent).ticket.list({ limit: 5, search: "zebracorn" });
    expect(found.items.map((x) => x.id)).toEqual([t.id]);
  });

  it("finds a ticket by a word that only appears in a reply", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const { actor: agent } = await makeActor("AGENT");
    const t = await callerFor(customer).ticket.create({ title: "Printer", body: "broken", categoryId: await firstCategoryId() });
    await callerFor(agent).ticket.reply({ ticketId: t.id, body: "Замените картриджи, пожалуйста" });
    expect((await callerFor(agent).ticket.list({ limit: 5, search: "картридж" })).items.map((x) => x.id)).toEqual([t.id]);
  });
});
