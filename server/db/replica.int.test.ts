// DATABASE_REPLICA_URL: the queue (with search), its counts and the reports read the replica;
// everything inside a write (a tRPC mutation) reads the primary. A second database with other
// rows stands in for the replica, so the test sees which one answered.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "@/server/testing/test-db";
import { createDb, db, type Db } from "@/server/db/client";
import { resetEnvCache } from "@/server/env";
import { seedDefaults } from "@/server/services/setup/seed-defaults";
import { makeActor } from "@/server/testing/factories";
import { callerFor } from "@/server/testing/caller";
import { createCallerFactory, createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { listQueue } from "@/server/services/tickets/list-queue";
import { queueCounts } from "@/server/services/tickets/queue-counts";
import { ticketReport } from "@/server/services/reports/ticket-report";
import { closeReplica, readingPrimary } from "./replica";

let replica: Db;

async function addTicket(client: Db, title: string) {
  const status = await client.status.findFirstOrThrow({ where: { isClosed: false } });
  const category = await client.category.findFirstOrThrow();
  const requester = await client.user.create({ data: { email: `req-${Math.random().toString(36).slice(2)}@example.test`, name: "Requester" } });
  await client.ticket.create({ data: { title, body: "b", bodyHtml: "<p>b</p>", statusId: status.id, categoryId: category.id, requesterId: requester.id } });
}

beforeAll(async () => {
  const url = await createTestDatabase(inject("adminDatabaseUrl"), "helpdesk_replica");
  replica = createDb(url);
  await seedDefaults(replica);
  await addTicket(replica, "Printer on the replica");
  await addTicket(replica, "Scanner on the replica");
  process.env.DATABASE_REPLICA_URL = url;
  resetEnvCache();
});

afterAll(async () => {
  delete process.env.DATABASE_REPLICA_URL;
  resetEnvCache();
  await closeReplica();
  await replica?.$disconnect();
});

describe("read replica", () => {
  it("the queue, its search, the counts and the reports come from the replica", async () => {
    await addTicket(db(), "Printer on the primary");
    const { actor } = await makeActor("AGENT");
    const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title).sort();
    expect(titles(await callerFor(actor).ticket.list({ limit: 50 }))).toEqual(["Printer on the replica", "Scanner on the replica"]);
    expect(titles(await listQueue(actor, { limit: 50, search: "printer" }))).toEqual(["Printer on the replica"]);
    expect((await queueCounts(actor)).all).toBe(2);
    const day = 86_400_000;
    const report = await ticketReport(actor, { from: new Date(Date.now() - day), to: new Date(Date.now() + day) });
    expect(report.perDay.reduce((n, d) => n + d.created, 0)).toBe(2);
  });

  it("inside a write every read goes to the primary", async () => {
    await addTicket(db(), "Printer on the primary");
    const { actor } = await makeActor("AGENT");
    expect((await readingPrimary(() => listQueue(actor, { limit: 50 }))).items.map((i) => i.title)).toEqual(["Printer on the primary"]);
    // the real middleware of every procedure: a mutation reads the primary, a query the replica
    const router = createTRPCRouter({
      write: publicProcedure.mutation(async () => (await queueCounts(actor)).all),
      read: publicProcedure.query(async () => (await queueCounts(actor)).all),
    });
    const caller = createCallerFactory(router)({ actor } as never);
    expect(await caller.write()).toBe(1);
    expect(await caller.read()).toBe(2);
  });
});
