// The Patchesoft importer against a real MariaDB loaded with a generated Patchesoft data set
// (server/testing/mariadb-patchesoft-data.ts) and the real PostgreSQL: counts equal, numbers
// kept, text repaired and sanitized, a rerun changes nothing, a dry run writes nothing, an
// interrupted run resumes. The 10,000-ticket run is in import-full.int.test.ts.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { db } from "@/server/db/client";
import { startPatchesoft, type PatchesoftFixture } from "@/server/testing/mariadb-patchesoft";
import { runPatchesoftImport } from "./run-import";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { actorOf, firstCategoryId, makeUser, statusByKey } from "@/server/testing/factories";
import { callerFor } from "@/server/testing/caller";
import { authenticate } from "@/server/auth/authenticate";
import { KNOWN_PASSWORD } from "@/server/testing/mariadb-patchesoft-data";

let ps: PatchesoftFixture;
beforeAll(async () => {
  ps = await startPatchesoft(300);
});
afterAll(async () => {
  await ps?.stop();
});

const run = (over: Partial<Parameters<typeof runPatchesoftImport>[0]> = {}) => runPatchesoftImport({ mysqlUrl: ps.url, filesDir: ps.filesDir, batchSize: 100, ...over });
const counts = async () => ({
  tickets: await db().ticket.count(),
  replies: await db().message.count({ where: { isInternal: false } }),
  notes: await db().message.count({ where: { isInternal: true } }),
  files: await db().attachment.count(),
  users: await db().user.count(),
  history: await db().auditEvent.count({ where: { type: "import.history" } }),
  kb: await db().kbArticle.count(),
  canned: await db().cannedReply.count(),
  categories: await db().category.count(),
  priorities: await db().priority.count(),
  fields: await db().customField.count(),
  values: (await db().$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM tickets, jsonb_object_keys(custom_fields)"))[0]!.n,
});

describe("import:patchesoft", () => {
  it("imports every entity with the source's counts, keeping ticket numbers", async () => {
    const { summary } = await run();
    const c = await counts();
    // history: Patchesoft's lines, plus one per field value that could not be stored in its field
    expect(c).toMatchObject({ tickets: ps.ds.tickets, replies: ps.ds.replies, notes: ps.ds.notes, files: ps.ds.files, history: ps.ds.tickets + ps.ds.invalidFieldValues, kb: 5, canned: 3 });
    expect(c).toMatchObject({ fields: 8, values: BigInt(ps.ds.fieldValues) });
    const ids = (await db().ticket.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((t) => t.id);
    expect(ids).toEqual(ps.ds.ticketIds);
    expect(summary.of("reply").skipped).toEqual({ "orphaned: its ticket is gone": ps.ds.orphanReplies });
    expect(summary.of("file").skipped).toEqual({ "missing file": ps.ds.missingFiles });
    expect(summary.of("user").skipped["invalid address: tickets kept on an inactive placeholder"]).toBe(ps.ds.invalidEmails);
    expect(summary.of("ticket").fixed["zero date: the previous ticket's date used"]).toBe(ps.ds.zeroDateTickets);
    expect(summary.of("category").fixed).toEqual({ "sub-sub-category: hung on its top-level ancestor (one level of sub-categories here)": 1 });
    expect(Object.values(summary.of("field value").skipped).reduce((a, b) => a + b, 0)).toBe(ps.ds.invalidFieldValues);
  });

  it("repairs double-encoded Cyrillic, sanitizes HTML, and maps roles, statuses and guests", async () => {
    await run();
    const t9 = await db().ticket.findUniqueOrThrow({ where: { id: 9 }, include: { status: true, requester: true } });
    expect(t9.title).toBe("Проблема: счёт №9");
    const t50 = await db().ticket.findUniqueOrThrow({ where: { id: 50 } });
    expect(t50.bodyHtml).not.toMatch(/script|tracker\.example/);
    expect(t50.bodyHtml).toContain("Не работает");
    const statuses = await db().status.findMany({ select: { nameRu: true, isClosed: true } });
    expect(statuses).toEqual(expect.arrayContaining([{ nameRu: "Ждём клиента", isClosed: false }, { nameRu: "Закрыта", isClosed: true }]));
    const bad = await db().ticket.count({ where: { OR: [{ title: { contains: "Ð" } }, { body: { contains: "Ð" } }] } });
    expect(bad).toBe(0);
    expect(await db().message.count({ where: { bodyText: { contains: "Ñ" } } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { email: "agent1@old.example" } })).role).toBe("ADMIN");
    expect((await db().user.findUniqueOrThrow({ where: { email: "agent4@old.example" } })).role).toBe("AGENT");
    expect((await db().user.findUniqueOrThrow({ where: { email: ps.ds.managerUser } })).role).toBe("MANAGER");
    const guest = await db().user.findUniqueOrThrow({ where: { email: ps.ds.guestEmails[0]! }, select: { id: true, passwordHash: true } });
    expect(guest.passwordHash).toBeNull(); // never the clear-text Patchesoft guest password
    const t10 = await db().ticket.findUniqueOrThrow({ where: { id: 10 } });
    expect(t10.requesterId).toBe(guest.id);
    const deleted = await db().user.findMany({ where: { email: { endsWith: "@patchesoft.invalid" } }, select: { isActive: true } });
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((u) => !u.isActive)).toBe(true);
    const mail = await loadSettings("mail", { withSecrets: true });
    expect(mail).toMatchObject({ host: "imap.old.example", port: 993, secure: true, allowInvalidCertificate: true, username: "support@old.example", password: "пароль-imap", defaultTitle: "Служба поддержки", ticketStringRu: "## Номер заявки:", replyStringRu: "## - Ответьте выше этой строки - ##" });
    const sealed = await db().setting.findUniqueOrThrow({ where: { key: "mail.password" } });
    expect(JSON.stringify(sealed.value)).not.toContain("пароль-imap");
    expect(await loadSettings("tickets")).toMatchObject({ allowTicketEdit: false, allowGuestTickets: true, allowedFileTypes: ["gif", "png", "jpg", "txt", "pdf"] });
    // priorities and field values live on the ticket now, not in the import map
    const map = await db().importMap.findUniqueOrThrow({ where: { source_entity_sourceId: { source: "patchesoft", entity: "ticket", sourceId: "3" } } });
    expect(map.data).toBeNull();
    const kb = await db().kbArticle.findUniqueOrThrow({ where: { slug: "kb-article-1" } });
    expect(kb.bodyRu).toContain("**настройки**");
    expect(kb.bodyRu).toContain("*затем* [справку](https://help.example/1)");
    expect(kb.bodyRu).toMatch(/^- +команда `lpstat`$/m);
    expect(kb.bodyRu).not.toContain("alert");
  });

  it("new tickets continue after the highest imported number", async () => {
    await run();
    const r = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval(pg_get_serial_sequence('tickets', 'id')) AS n`);
    expect(Number(r[0]!.n)).toBe(ps.ds.maxTicketId + 1);
  });

  it("a rerun changes nothing, and a changed source row is updated in place", async () => {
    await run();
    const before = await counts();
    const again = await run();
    expect(await counts()).toEqual(before);
    for (const [name, c] of Object.entries(again.summary.entities)) expect({ name, imported: c.imported, updated: c.updated }).toEqual({ name, imported: 0, updated: 0 });
    await ps.sql.query("UPDATE tickets SET title = 'Исправленный заголовок' WHERE ID = 7");
    try {
      const third = await run();
      expect(third.summary.of("ticket")).toMatchObject({ imported: 0, updated: 1 });
      expect((await db().ticket.findUniqueOrThrow({ where: { id: 7 } })).title).toBe("Исправленный заголовок");
      expect(await counts()).toEqual(before);
    } finally {
      await ps.sql.query("UPDATE tickets SET title = 'Проблема: пароль №7' WHERE ID = 7");
    }
  });

  it("--dry-run reads everything and writes nothing", async () => {
    const before = await counts();
    const r = await run({ dryRun: true });
    expect(r.summary.of("ticket").imported).toBe(ps.ds.tickets);
    expect(r.summary.of("reply").imported).toBe(ps.ds.replies);
    expect(await counts()).toEqual(before);
    expect(await db().importMap.count()).toBe(0);
  });

  it("an interrupted import resumes where it stopped, without duplicates", async () => {
    const stop = new AbortController();
    const first = run({ signal: stop.signal, progress: (e) => e.entity === "replies" && e.done >= 500 && stop.abort() });
    await expect(first).rejects.toThrow(/interrupted/);
    const partial = await counts();
    expect(partial.tickets).toBe(ps.ds.tickets);
    expect(partial.replies).toBeGreaterThan(0);
    expect(partial.replies).toBeLessThan(ps.ds.replies);
    const second = await run();
    expect(second.summary.of("reply").imported).toBe(ps.ds.replies - partial.replies);
    expect(second.summary.of("ticket").imported).toBe(0);
    expect(await counts()).toMatchObject({ tickets: ps.ds.tickets, replies: ps.ds.replies, files: ps.ds.files });
  });

  it("stops when a ticket number is already taken here by a ticket of this helpdesk's own", async () => {
    const u = await makeUser();
    const id = ps.ds.ticketIds[150]!;
    await db().ticket.create({ data: { id, title: "Своя заявка", body: "x", bodyHtml: "<p>x</p>", categoryId: await firstCategoryId(), statusId: (await statusByKey("new")).id, requesterId: u.id } });
    await expect(run()).rejects.toThrow(new RegExp(`ticket number\\(s\\) ${id} already exist`));
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).title).toBe("Своя заявка");
  });
});

describe("import:patchesoft: the ticket model (#15, #16)", () => {
  const cat = (nameRu: string) => db().category.findFirstOrThrow({ where: { nameRu }, include: { parent: true } });
  const manager = async () => {
    const u = await db().user.findUniqueOrThrow({ where: { email: ps.ds.managerUser } });
    return callerFor(actorOf(u));
  };

  it("sub-categories are children; the third level hangs on its top-level ancestor; no_tickets only on a parent", async () => {
    await run();
    const [top, printers, laser, pay] = await Promise.all([cat("Техподдержка"), cat("Принтеры"), cat("Лазерные принтеры"), cat("Оплата")]);
    expect([top.parentId, top.noTickets]).toEqual([null, true]);
    expect([printers.parent?.nameRu, laser.parent?.nameRu]).toEqual(["Техподдержка", "Техподдержка"]);
    expect([printers.noTickets, laser.noTickets, pay.noTickets, pay.parentId]).toEqual([false, false, false, null]);
    // ticket 5 was in "Лазерные принтеры" (categoryOf(5) = 7) and stays there
    expect((await db().ticket.findUniqueOrThrow({ where: { id: 5 } })).categoryId).toBe(laser.id);
  });

  it("priorities: Patchesoft's numbers link to the seeded ones by name, an unknown one gets its own", async () => {
    await run();
    const key = async (id: number) => (await db().ticket.findUniqueOrThrow({ where: { id }, include: { priority: true } })).priority;
    expect((await key(10)).key).toBe("low"); // priorityOf(10) = 0
    expect((await key(11)).key).toBe("normal"); // 1, "Medium" there
    expect((await key(12)).key).toBe("high");
    expect((await key(13)).key).toBe("urgent");
    expect(await key(14)).toMatchObject({ key: null, nameEn: "Patchesoft priority 4" });
    expect(await db().priority.count()).toBe(5);
  });

  it("custom fields keep type, options, required flag and category; values land where the staff view reads them", async () => {
    await run();
    const defs = new Map((await db().customField.findMany()).map((f) => [f.nameRu, f]));
    const printers = await cat("Принтеры");
    expect(defs.get("Срочность")).toMatchObject({ type: "select", options: [{ value: "Низкая" }, { value: "Средняя" }, { value: "Высокая" }] });
    expect(defs.get("Способ связи")).toMatchObject({ type: "select", options: [{ value: "Телефон" }, { value: "Почта" }] });
    expect(defs.get("Затронутые системы")).toMatchObject({ type: "multiselect" }); // double-encoded name repaired
    expect(defs.get("Согласие на удалённый доступ")).toMatchObject({ type: "checkbox" });
    expect(defs.get("Описание проблемы")).toMatchObject({ type: "textarea", required: true, categoryId: null });
    expect(defs.get("Модель устройства")).toMatchObject({ type: "text", categoryId: printers.id });
    expect(defs.get("Внутренний код")).toMatchObject({ hiddenFromCustomer: true, categoryId: null });
    const id = (n: string) => String(defs.get(n)!.id);
    const staff = await manager();
    const t60 = await staff.ticket.byId({ id: 60 });
    expect(t60.customFields).toEqual({ [id("Номер договора")]: "Д-60-значение", [id("Срочность")]: "Низкая", [id("Способ связи")]: "Почта", [id("Затронутые системы")]: ["Почта", "Печать"] });
    expect((await staff.ticket.byId({ id: 77 })).customFields).toMatchObject({ [id("Согласие на удалённый доступ")]: true, [id("Описание проблемы")]: "Подробно: не печатает заявка 77" });
    expect(t60.priority.name.en).toBe("Low");
  });

  it("a value that does not fit its field is kept as text in the ticket's history, never dropped", async () => {
    await run();
    const history = async (ticketId: number) => (await db().auditEvent.findMany({ where: { ticketId, type: "import.history" } })).map((e) => (e.data as { message: string }).message).join("\n");
    expect((await db().ticket.findUniqueOrThrow({ where: { id: 40 } })).customFields).not.toHaveProperty(String((await db().customField.findFirstOrThrow({ where: { nameRu: "Срочность" } })).id));
    expect(await history(40)).toContain("Поле «Срочность» из Patchesoft не сохранено (invalid value, FIELD_OPTION): Критическая");
    expect(await history(130)).toMatch(/«Внутренний код».*TOO_LONG/);
    expect(await history(150)).toContain("значение удалённого поля");
  });

  it("the Ticket Manager signs in with the old password as MANAGER and sees the imported tickets", async () => {
    await run();
    expect(await authenticate(ps.ds.managerUser, KNOWN_PASSWORD, "10.9.9.9")).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { email: ps.ds.managerUser } })).role).toBe("MANAGER");
    expect((await (await manager()).ticket.byId({ id: 5 })).title).toBe("Проблема: сеть №5");
  });
});
