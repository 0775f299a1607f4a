// Ticket commands of the admin CLI (issue 15): a ticket opened for a customer, and a merge. They act
// as a named active staff account through the same services (and so the same policies) as the web.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { emailSchema } from "@/server/services/users/register-user";
import { createTicketForCustomer } from "@/server/services/tickets/create-for-customer";
import { mergeTickets } from "@/server/services/tickets/merge-tickets";
import type { Args, CommandTable } from "@/server/cli-args";

const need = (a: Args, k: string) => {
  const v = a.flags[k];
  if (typeof v !== "string" || !v) throw new Error(`--${k} is required`);
  return v;
};
const num = (a: Args, k: string) => {
  const n = Number(need(a, k));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${k} must be a ticket number`);
  return n;
};

/** --as STAFF_EMAIL: the staff account the command acts as (policies refuse anyone else). */
export async function staffActor(a: Args): Promise<Actor> {
  const email = emailSchema.parse(need(a, "as"));
  const u = await db().user.findUnique({ where: { email }, select: { id: true, role: true, email: true, name: true, locale: true, isActive: true } });
  if (!u || !u.isActive || u.role === "CUSTOMER") throw new Error(`${email} is not an active staff account`);
  return { kind: "user", userId: u.id, role: u.role, email: u.email, name: u.name, locale: u.locale, via: "session" };
}

export async function ticketMerge(a: Args) {
  const r = await mergeTickets(await staffActor(a), { sourceId: num(a, "from"), targetId: num(a, "into") });
  console.log(`Ticket ${String(a.flags.from)} merged into ${r.id}.`);
}

export async function ticketCreateFor(a: Args) {
  const category = typeof a.flags.category === "string" ? Number(a.flags.category) : (await db().category.findFirstOrThrow({ where: { archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] })).id;
  const locale = a.flags.locale === "en" ? "en" : "ru";
  const r = await createTicketForCustomer(await staffActor(a), {
    title: need(a, "title"), body: need(a, "body"), categoryId: category,
    customer: { email: need(a, "customer"), name: typeof a.flags.name === "string" ? a.flags.name : undefined, locale },
    notifyCustomer: a.flags["no-notify"] !== true,
  });
  console.log(`Ticket ${r.id} opened for ${need(a, "customer")}.`);
}

export const ticketCommands: CommandTable = {
  "ticket:create-for": { help: "--as STAFF --customer EMAIL --title T --body B [--name N] [--locale ru|en] [--category ID] [--no-notify]  open a ticket for a customer", run: ticketCreateFor },
  "ticket:merge": { help: "--as STAFF --from N --into M  merge ticket N into ticket M", run: ticketMerge },
};
