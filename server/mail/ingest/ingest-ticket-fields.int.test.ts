// Issue 15 in mail ingest, against a real Dovecot and PostgreSQL: a mail-born ticket gets the
// priority the mail settings name (or the default one when that priority is gone), and the
// default category may be a sub-category.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { runIngest, type IngestSummary } from "./run-ingest";
import { buildMail, startKitDovecot, tickets, useMailbox } from "@/server/testing/ingest-test-kit";

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

describe("mail ingest: priority and sub-category of a new ticket", () => {
  it("uses the mail settings' priority and a child default category; falls back to the default priority", async () => {
    const parent = await db().category.create({ data: { nameRu: "Сайты", nameEn: "Websites", noTickets: true } });
    const child = await db().category.create({ data: { nameRu: "Хостинг", nameEn: "Hosting", parentId: parent.id } });
    const high = await db().priority.findUniqueOrThrow({ where: { key: "high" } });
    const mb = await useMailbox(dc, { defaultPriorityId: high.id, defaultCategoryId: child.id });
    await mb.deliver(await buildMail({ from: "Ann <ann@client.example>", to: mb.address, subject: "Site down", text: "Nothing loads." }));
    expect((await runIngest()) as IngestSummary).toMatchObject({ created: 1 });
    expect((await tickets()).at(-1)).toMatchObject({ priorityId: high.id, categoryId: child.id });

    const gone = await useMailbox(dc, { defaultPriorityId: 999 });
    await gone.deliver(await buildMail({ from: "Bob <bob@client.example>", to: gone.address, subject: "Another", text: "Text." }));
    expect((await runIngest()) as IngestSummary).toMatchObject({ created: 1 });
    const normal = await db().priority.findUniqueOrThrow({ where: { key: "normal" } });
    expect((await tickets()).at(-1)!.priorityId).toBe(normal.id);
  });
});
