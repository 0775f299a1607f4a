// Calls a running helpdesk as another program would: HELPDESK_URL, HELPDESK_TOKEN (a staff
// token). Prints one JSON line with what it saw; exits 1 on anything unexpected.
import { createHelpdeskClient, HelpdeskError } from "@helpdesk/client";

const hd = createHelpdeskClient(process.env.HELPDESK_URL!, process.env.HELPDESK_TOKEN!, { timeoutMs: 20_000 });

async function errorOf(p: Promise<unknown>): Promise<{ code: string; reason: string | null; fieldErrors: Record<string, string> | null }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HelpdeskError) return { code: e.code, reason: e.reason, fieldErrors: e.fieldErrors };
    throw e;
  }
  throw new Error("expected an error");
}

const categories = await hd.meta.categories.query();
const category = categories[0];
if (!category) throw new Error("no category");
const title = `Consumer ticket ${process.env.HELPDESK_TAG ?? Date.now()}`;
const created = await hd.ticket.create.mutate({ title, body: "Opened by the consumer project.", categoryId: category.id });
const reply = await hd.ticket.reply.mutate({ ticketId: created.id, body: "A reply from the consumer project." });
const list = await hd.ticket.list.query({ limit: 100, from: new Date(Date.now() - 3_600_000) });
const ticket = await hd.ticket.byId.query({ id: created.id });
const statuses = await hd.meta.statuses.query();
const note = await hd.ticket.addNote.mutate({ ticketId: created.id, body: "Internal note from the consumer." });

console.log(
  JSON.stringify({
    created,
    reply,
    listed: list.items.some((t) => t.id === created.id && t.title === title),
    createdAtIsDate: ticket.createdAt instanceof Date,
    messages: ticket.messages.map((m) => ({ id: m.id, internal: m.isInternal, staff: m.author.isStaff })),
    note,
    statuses: statuses.length,
    notFound: await errorOf(hd.ticket.byId.query({ id: 999_999_999 })),
    invalid: await errorOf(hd.ticket.create.mutate({ title: "x", body: "b", categoryId: category.id })),
    stale: await errorOf(hd.ticket.setStatus.mutate({ ticketId: created.id, version: 0, statusId: statuses[0]!.id })),
  }),
);
