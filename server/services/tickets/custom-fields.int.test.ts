// Issue 15.2 and 15.3 against the real database: sub-categories (one level, "no tickets"
// parents, the queue filter by a parent) and custom fields (customField.* admin, values on
// create validated by the definitions' schema, ticket.setFields for staff and customers with
// history, hidden fields, the queue's field filter).
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { firstCategoryId, makeActor } from "@/server/testing/factories";
import { openTicket, staffWorld, versionOf } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

describe("sub-categories", () => {
  it("one level; a 'no tickets' parent needs a child; the queue filter by a parent covers its children", async () => {
    const w = await staffWorld();
    const admin = callerFor(w.admin);
    const parent = await admin.category.create({ nameRu: "Сайт", nameEn: "Website", noTickets: true });
    const child = await admin.category.create({ nameRu: "Хостинг", nameEn: "Hosting", parentId: parent.id });
    await expect(admin.category.create({ nameRu: "Глубже", nameEn: "Deeper", parentId: child.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "CATEGORY_DEPTH" });
    expect((await callerFor().meta.categories()).find((c) => c.id === child.id)).toMatchObject({ parentId: parent.id, noTickets: false });

    const create = (categoryId: number) => callerFor(w.customer).ticket.create({ title: "Site is slow", body: "Very slow", categoryId });
    await expect(create(parent.id)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "CATEGORY_NEEDS_CHILD" });
    const inChild = await create(child.id);
    const other = await openTicket(w.customer);
    const q = (categoryId: number) => callerFor(w.agent).ticket.list({ limit: 25, categoryId }).then((r) => r.items.map((t) => t.id));
    expect(await q(parent.id)).toEqual([inChild.id]);
    expect(await q(child.id)).toEqual([inChild.id]);
    expect(await q(await firstCategoryId())).toEqual([other]);
  });
});

async function fieldWorld() {
  const w = await staffWorld();
  const admin = callerFor(w.admin);
  const categoryId = await firstCategoryId();
  const base = { helpRu: "", helpEn: "", required: false, hiddenFromCustomer: false, customerEditable: true, options: [] };
  const site = await admin.customField.create({ ...base, type: "text", nameRu: "Адрес сайта", nameEn: "Site address", categoryId, required: true });
  const plan = await admin.customField.create({ ...base, type: "select", nameRu: "Тариф", nameEn: "Plan", categoryId: null, options: [{ value: "basic", ru: "Базовый", en: "Basic" }, { value: "pro", ru: "Про", en: "Pro" }] });
  const cost = await admin.customField.create({ ...base, type: "number", nameRu: "Оценка", nameEn: "Estimate", categoryId: null, hiddenFromCustomer: true });
  const other = await admin.category.create({ nameRu: "Другое", nameEn: "Other" });
  return { ...w, categoryId, site, plan, cost, other };
}

describe("custom fields", () => {
  it("admin defines fields; creation validates through the definitions; hidden fields stay hidden", async () => {
    const w = await fieldWorld();
    await expect(callerFor(w.agent).customField.create({ type: "text", nameRu: "x", nameEn: "x", helpRu: "", helpEn: "", categoryId: null, required: false, hiddenFromCustomer: false, customerEditable: true, options: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(w.admin).customField.update({ id: w.plan.id, type: "text", nameRu: "Тариф", nameEn: "Plan", helpRu: "", helpEn: "", categoryId: null, required: false, hiddenFromCustomer: false, customerEditable: true, options: [] })).rejects.toMatchObject({ code: "CONFLICT", message: "FIELD_TYPE_FIXED" });
    expect((await callerFor(w.customer).meta.customFields()).map((f) => f.name.en)).toEqual(["Site address", "Plan"]);
    expect(await callerFor(w.agent).meta.customFields()).toHaveLength(3);

    const create = (customFields: Record<string, unknown>, categoryId = w.categoryId) =>
      callerFor(w.customer).ticket.create({ title: "Need help", body: "Text", categoryId, customFields: customFields as never });
    await expect(create({ [w.plan.id]: "pro" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "INVALID_CUSTOM_FIELDS" });
    await expect(create({ [w.site.id]: "a.ru", [w.plan.id]: "gold" })).rejects.toMatchObject({ message: "INVALID_CUSTOM_FIELDS" });
    await expect(create({ [w.site.id]: "a.ru", [w.cost.id]: 5 })).rejects.toMatchObject({ message: "INVALID_CUSTOM_FIELDS" }); // hidden: not the customer's to write
    // the site field belongs to the first category only: the other category does not ask for it
    await expect(create({ [w.plan.id]: "basic" }, w.other.id)).resolves.toBeTruthy();
    const t = await create({ [w.site.id]: " example.ru ", [w.plan.id]: "pro" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).customFields).toEqual({ [w.site.id]: "example.ru", [w.plan.id]: "pro" });

    await callerFor(w.agent).ticket.setFields({ ticketId: t.id, version: await versionOf(t.id), values: { [w.cost.id]: 12 } });
    expect((await callerFor(w.customer).ticket.byId({ id: t.id })).customFields).toEqual({ [w.site.id]: "example.ru", [w.plan.id]: "pro" });
    expect((await callerFor(w.agent).ticket.byId({ id: t.id })).customFields[w.cost.id]).toBe(12);
  });

  it("ticket.setFields: staff any field, the customer editable ones; history keeps old and new values", async () => {
    const w = await fieldWorld();
    const t = await callerFor(w.customer).ticket.create({ title: "Need help", body: "Text", categoryId: w.categoryId, customFields: { [w.site.id]: "a.ru" } });
    const r = await callerFor(w.customer).ticket.setFields({ ticketId: t.id, values: { [w.plan.id]: "basic", [w.site.id]: "b.ru" } });
    expect(r.changed).toBe(2);
    await expect(callerFor(w.customer).ticket.setFields({ ticketId: t.id, values: { [w.cost.id]: 3 } })).rejects.toMatchObject({ message: "INVALID_CUSTOM_FIELDS" });
    const { actor: stranger } = await makeActor("CUSTOMER");
    await expect(callerFor(stranger).ticket.setFields({ ticketId: t.id, values: { [w.plan.id]: "pro" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerFor(w.agent).ticket.setFields({ ticketId: t.id, version: await versionOf(t.id), values: { [w.plan.id]: "pro", [w.site.id]: "" } });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).customFields).toEqual({ [w.plan.id]: "pro" });
    const hist = (await callerFor(w.agent).ticket.history({ ticketId: t.id })).filter((e) => e.type === "ticket.fields");
    expect(hist.at(-1)!.fields).toEqual([
      // by field id (JSON object order of integer-like keys)
      { name: { ru: "Адрес сайта", en: "Site address" }, ru: { from: "b.ru", to: "" }, en: { from: "b.ru", to: "" } },
      { name: { ru: "Тариф", en: "Plan" }, ru: { from: "Базовый", to: "Про" }, en: { from: "Basic", to: "Pro" } },
    ]);
  });

  it("the queue filters by a field value through the JSONB index", async () => {
    const w = await fieldWorld();
    const mk = (plan: string) => callerFor(w.customer).ticket.create({ title: "Need help", body: "Text", categoryId: w.categoryId, customFields: { [w.site.id]: "a.ru", [w.plan.id]: plan } });
    const [a, , c] = [await mk("pro"), await mk("basic"), await mk("pro")];
    const list = await callerFor(w.agent).ticket.list({ limit: 25, fieldId: w.plan.id, fieldValue: "pro" });
    expect(list.items.map((t) => t.id)).toEqual([c.id, a.id]);
    expect(list.items[0]!.customFields).toMatchObject({ [w.plan.id]: "pro" });
    expect((await callerFor(w.agent).ticket.list({ limit: 25, fieldId: w.cost.id, fieldValue: "not a number" })).items).toEqual([]);
  });
});

describe("ticket.exportCsv", () => {
  it("exports the filtered queue with priority, category path and a column per custom field", async () => {
    const w = await fieldWorld();
    const child = await callerFor(w.admin).category.create({ nameRu: "Домены", nameEn: "Domains", parentId: w.other.id });
    const t = await callerFor(w.customer).ticket.create({ title: "=cmd()", body: "Text", categoryId: child.id, customFields: { [w.plan.id]: "pro" } });
    await openTicket(w.customer, { categoryId: w.other.id });
    const r = await callerFor(w.agent).ticket.exportCsv({ locale: "en", fieldId: w.plan.id, fieldValue: "pro" });
    const [head, row, ...rest] = r.csv.trim().split("\r\n");
    expect(head).toBe("Number,Title,Status,Priority,Category,Requester,Requester email,Assignee,Created,Last activity,Site address,Plan,Estimate");
    expect(row!.startsWith(`${t.id},"'=cmd()",New,Normal,Other / Domains,`)).toBe(true); // formula neutralised
    expect(row!.endsWith(",,Pro,")).toBe(true);
    expect(rest).toEqual([]);
    expect((await callerFor(w.agent).ticket.exportCsv({ locale: "ru" })).csv.split("\r\n")[0]).toMatch(/^Номер,Тема,Статус,Приоритет/);
  });
});
