// Life after an import: a Patchesoft password signs in once against its old hash and is
// rehashed to argon2id; replies to the old system's notifications ("[ID: n]" in the subject,
// "## Номер заявки: n" in the quoted body) thread to the imported ticket when the requester
// sends them — through the real mail door, Dovecot and the usual sender rules.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { db } from "@/server/db/client";
import { authenticate } from "@/server/auth/authenticate";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { startPatchesoft, type PatchesoftFixture } from "@/server/testing/mariadb-patchesoft";
import { KNOWN_PASSWORD, TICKET_STRING, TICKET_TITLE } from "@/server/testing/mariadb-patchesoft-data";
import { buildMail, startKitDovecot, useMailbox } from "@/server/testing/ingest-test-kit";
import { runIngest, type IngestSummary } from "@/server/mail/ingest/run-ingest";
import { runPatchesoftImport } from "./run-import";

let ps: PatchesoftFixture;
let dc: DovecotInstance;
beforeAll(async () => {
  [ps, dc] = await Promise.all([startPatchesoft(60), startKitDovecot()]);
});
afterAll(async () => {
  await Promise.all([ps?.stop(), dc?.stop()]);
});
beforeEach(async () => {
  await runPatchesoftImport({ mysqlUrl: ps.url, filesDir: ps.filesDir });
});

const hashOf = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } })).passwordHash;

describe("imported passwords", () => {
  it.each([["bcrypt ($2a$)", () => ps.ds.bcryptUser], ["portable phpass ($P$)", () => ps.ds.phpassUser]])("%s signs in once and is rehashed to argon2id", async (_k, email) => {
    const before = await hashOf(email());
    expect(before).toMatch(/^\$(2a|P)\$/);
    expect(await authenticate(email(), "wrong-password", "10.1.1.1")).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await hashOf(email())).toBe(before);
    expect(await authenticate(email(), KNOWN_PASSWORD, "10.1.1.1")).toMatchObject({ ok: true });
    expect(await hashOf(email())).toMatch(/^\$argon2id\$/);
    expect(await authenticate(email(), KNOWN_PASSWORD, "10.1.1.1")).toMatchObject({ ok: true });
    // a rerun leaves the new hash alone, even when the source row changed meanwhile
    await runPatchesoftImport({ mysqlUrl: ps.url, filesDir: ps.filesDir });
    expect(await hashOf(email())).toMatch(/^\$argon2id\$/);
    const [[row]] = (await ps.sql.query("SELECT first_name FROM users WHERE email = ?", [email()])) as unknown as [Array<{ first_name: string }>];
    await ps.sql.query("UPDATE users SET first_name = 'Изменённое' WHERE email = ?", [email()]);
    try {
      await runPatchesoftImport({ mysqlUrl: ps.url, filesDir: ps.filesDir });
      const u = await db().user.findUniqueOrThrow({ where: { email: email() }, select: { name: true, passwordHash: true } });
      expect(u.name).toMatch(/^Изменённое /);
      expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await ps.sql.query("UPDATE users SET first_name = ? WHERE email = ?", [row!.first_name, email()]);
    }
  });
});

describe("replies to old Patchesoft notifications", () => {
  const open = async () => {
    const t = await db().ticket.findFirstOrThrow({ where: { status: { isClosed: false }, requester: { passwordHash: { not: null }, isActive: true } }, include: { requester: true }, orderBy: { id: "asc" } });
    return { id: t.id, email: t.requester.email };
  };
  const quoted = (id: number) => `Спасибо, всё заработало.\n\n> ## - Ответьте выше этой строки - ##\n> Уважаемый клиент, на вашу заявку ответили.\n> ${TICKET_STRING} ${id}\n`;
  const run = async () => (await runIngest()) as IngestSummary;

  it("the requester's reply with [ID: n] and the ticket string threads to the imported ticket", async () => {
    const mb = await useMailbox(dc);
    const t = await open();
    await mb.deliver(await buildMail({ from: t.email, to: mb.address, subject: `Re: ${TICKET_TITLE} [ID: ${t.id}]: Проблема`, text: quoted(t.id) }));
    expect(await run()).toMatchObject({ appended: 1, created: 0 });
    const m = await db().message.findFirstOrThrow({ where: { ticketId: t.id, inboundMailId: { not: null } }, include: { inboundMail: true } });
    expect(m.inboundMail!.matchedRule).toBe("legacy");
    expect(m.bodyText.trim()).toBe("Спасибо, всё заработало.");
  });

  it("the subject alone ([ID: n]) threads a reply without the quote", async () => {
    const mb = await useMailbox(dc);
    const t = await open();
    await mb.deliver(await buildMail({ from: t.email, to: mb.address, subject: `RE: ${TICKET_TITLE} [ID: ${t.id}]: Проблема`, text: "Ещё вопрос по заявке." }));
    expect(await run()).toMatchObject({ appended: 1 });
  });

  it("a stranger quoting the same notification gets a new ticket (the unknown-sender rule); the old one is untouched", async () => {
    const mb = await useMailbox(dc);
    const t = await open();
    const before = await db().message.count({ where: { ticketId: t.id } });
    await mb.deliver(await buildMail({ from: "stranger@evil.example", to: mb.address, subject: `Re: ${TICKET_TITLE} [ID: ${t.id}]: Проблема`, text: quoted(t.id) }));
    expect(await run()).toMatchObject({ appended: 0, created: 1 });
    expect(await db().message.count({ where: { ticketId: t.id } })).toBe(before);
  });

  it("a staff address with only the old unsigned reference is never a staff reply", async () => {
    const mb = await useMailbox(dc);
    const t = await open();
    await mb.deliver(await buildMail({ from: "agent4@old.example", to: mb.address, subject: `Re: ${TICKET_TITLE} [ID: ${t.id}]: Проблема`, text: quoted(t.id) }));
    expect(await run()).toMatchObject({ appended: 0, quarantined: 1 });
    expect((await db().quarantineEntry.findFirstOrThrow()).reason).toBe("unverified-staff");
  });
});
