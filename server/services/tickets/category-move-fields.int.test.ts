// Issue 15.3 gap: a ticket moved to another category (the customer's edit dialog, staff's
// category change) must satisfy the new category's required custom fields — the same schema as
// ticket create. The move is refused with INVALID_CUSTOM_FIELDS and the field errors while a
// required field stays empty, and succeeds when the values travel with the move.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { staffWorld, openTicket, versionOf } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

async function world() {
  const w = await staffWorld();
  const admin = callerFor(w.admin);
  const base = { helpRu: "", helpEn: "", required: false, hiddenFromCustomer: false, customerEditable: true, options: [] };
  const hosting = await admin.category.create({ nameRu: "Хостинг", nameEn: "Hosting" });
  const domain = await admin.customField.create({ ...base, type: "text", nameRu: "Домен", nameEn: "Domain", categoryId: hosting.id, required: true });
  const plan = await admin.customField.create({ ...base, type: "select", nameRu: "Тариф", nameEn: "Plan", categoryId: hosting.id, required: true, options: [{ value: "pro", ru: "Про", en: "Pro" }] });
  // required, but staff-only: never demanded of the customer
  const internal = await admin.customField.create({ ...base, type: "number", nameRu: "Стоимость", nameEn: "Cost", categoryId: hosting.id, required: true, hiddenFromCustomer: true });
  const ticketId = await openTicket(w.customer);
  return { ...w, hosting, domain, plan, internal, ticketId };
}

const fieldsOf = async (id: number) => (await db().ticket.findUniqueOrThrow({ where: { id } })).customFields;

describe("moving a ticket into a category with required fields", () => {
  it("customer: refused with the missing fields (nothing changes), then done with the values", async () => {
    const w = await world();
    const update = (extra: { customFields?: Record<string, string> }) => callerFor(w.customer).ticket.update({ ticketId: w.ticketId, categoryId: w.hosting.id, ...extra });
    const err = await update({}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: "INVALID_CUSTOM_FIELDS", cause: { details: { fields: { [w.domain.id]: "REQUIRED", [w.plan.id]: "REQUIRED" } } } });
    expect(Object.keys((err as { cause: { details: { fields: object } } }).cause.details.fields)).not.toContain(String(w.internal.id));
    expect((await db().ticket.findUniqueOrThrow({ where: { id: w.ticketId } })).categoryId).not.toBe(w.hosting.id);
    // a value of the wrong kind is refused the same way
    await expect(update({ customFields: { [w.domain.id]: "shop.example", [w.plan.id]: "enterprise" } })).rejects.toMatchObject({ cause: { details: { fields: { [w.plan.id]: "FIELD_OPTION" } } } });

    const r = await update({ customFields: { [w.domain.id]: "shop.example", [w.plan.id]: "pro" } });
    expect(r.changed.sort()).toEqual(["categoryId", "customFields"]);
    expect(await fieldsOf(w.ticketId)).toEqual({ [w.domain.id]: "shop.example", [w.plan.id]: "pro" });
    const history = await callerFor(w.agent).ticket.history({ ticketId: w.ticketId });
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(["ticket.edited", "ticket.fields"]));
  });

  it("values the ticket already holds count; an edit without a category change checks only what it sends", async () => {
    const w = await world();
    // a value kept from an earlier time in that category
    await db().ticket.update({ where: { id: w.ticketId }, data: { customFields: { [w.domain.id]: "old.example" } } });
    await expect(callerFor(w.customer).ticket.update({ ticketId: w.ticketId, categoryId: w.hosting.id })).rejects.toMatchObject({ cause: { details: { fields: { [w.plan.id]: "REQUIRED" } } } });
    await callerFor(w.customer).ticket.update({ ticketId: w.ticketId, categoryId: w.hosting.id, customFields: { [w.plan.id]: "pro" } });
    expect(await fieldsOf(w.ticketId)).toEqual({ [w.domain.id]: "old.example", [w.plan.id]: "pro" });
    // emptying a required field in the same move is refused
    const back = (await db().category.findFirstOrThrow({ where: { id: { not: w.hosting.id }, parentId: null }, orderBy: { id: "asc" } })).id;
    await callerFor(w.customer).ticket.update({ ticketId: w.ticketId, categoryId: back });
    await expect(callerFor(w.customer).ticket.update({ ticketId: w.ticketId, categoryId: w.hosting.id, customFields: { [w.plan.id]: "" } })).rejects.toMatchObject({ cause: { details: { fields: { [w.plan.id]: "REQUIRED" } } } });
    expect((await callerFor(w.customer).ticket.update({ ticketId: w.ticketId, title: "Only the title" })).changed).toEqual(["title"]);
  });

  it("staff category change: every required field of the new category, staff-only ones included", async () => {
    const w = await world();
    const move = async (customFields?: Record<string, string | number>) => callerFor(w.agent).ticket.setCategory({ ticketId: w.ticketId, version: await versionOf(w.ticketId), categoryId: w.hosting.id, ...(customFields ? { customFields } : {}) });
    await expect(move()).rejects.toMatchObject({ code: "BAD_REQUEST", message: "INVALID_CUSTOM_FIELDS", cause: { details: { fields: { [w.domain.id]: "REQUIRED", [w.plan.id]: "REQUIRED", [w.internal.id]: "REQUIRED" } } } });
    const r = await move({ [w.domain.id]: "a.example", [w.plan.id]: "pro", [w.internal.id]: 12 });
    expect(r.version).toBe(await versionOf(w.ticketId));
    expect(await db().ticket.findUniqueOrThrow({ where: { id: w.ticketId } })).toMatchObject({ categoryId: w.hosting.id, customFields: { [w.domain.id]: "a.example", [w.plan.id]: "pro", [w.internal.id]: 12 } });
    const history = await callerFor(w.agent).ticket.history({ ticketId: w.ticketId });
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(["ticket.category", "ticket.fields"]));
  });
});
