// The authorization matrix (ASVS 5.0 V8.2.1, V8.2.2, V8.3.1): every procedure of the real
// appRouter, called as anonymous, a guest link of another ticket, customer B, customer A,
// an agent, an admin, a manager and an agent whose teams do not cover A's category, with ids that belong to customer A or to staff. The expected
// allow/deny comes from ONE table (authorization-table.ts); a procedure missing there fails.
// Denied calls must answer UNAUTHORIZED / FORBIDDEN / NOT_FOUND and change no row; no answer to
// anyone but A and staff may contain A's ticket.
import { describe, it, expect } from "vitest";
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/server/api/root";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId, statusByKey, setTicketSettings } from "@/server/testing/factories";
import { openTicketAs, setTicketStatus, guestActor } from "@/server/testing/portal-helpers";
import { resetDb } from "@/server/testing/reset-db";
import { buildKbWorld } from "@/server/testing/kb-fixtures";
import { anonymous, type Actor } from "@/server/domain/actor";
import { AUTHORIZATION_TABLE, ACTORS, ALLOWED, MUST_NOT_SEE_A, type ActorName, type World } from "./authorization-table";

const MARKER = "A-PRIVATE-MARKER-5c1e";
const PATHS = Object.keys(appRouter._def.procedures as Record<string, unknown>).sort();
const DENIED = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

async function buildWorld(): Promise<{ w: World; actors: Record<ActorName, Actor> }> {
  // built some 440 times: independent rows are written side by side (each step still one service call or insert)
  const [, a, b, agent, admin, manager, foreign, categoryId, foreignCategory] = await Promise.all([
    setTicketSettings({ allowRating: true, customersMayAddCc: true }),
    makeActor("CUSTOMER"),
    makeActor("CUSTOMER"),
    makeActor("AGENT"),
    makeActor("ADMIN"),
    makeActor("MANAGER"),
    makeActor("AGENT"),
    firstCategoryId(),
    db().category.create({ data: { nameRu: "Чужая", nameEn: "Foreign", sortOrder: 999 } }),
  ]);
  // scoping (issue 16): A's category belongs to the agent's team, a second one to foreignAgent's
  const [team, , ticketA, closedTicketA, ticketB] = await Promise.all([
    db().team.create({ data: { name: "A team", members: { create: [{ userId: agent.user.id }] }, categories: { create: [{ categoryId }] } } }),
    db().team.create({ data: { name: "Other team", members: { create: [{ userId: foreign.user.id }] }, categories: { create: [{ categoryId: foreignCategory.id }] } } }),
    openTicketAs(a.actor, `${MARKER} printer`).then((t) => t.id),
    openTicketAs(a.actor, `${MARKER} closed one`).then((t) => t.id),
    openTicketAs(b.actor, "B's own ticket").then((t) => t.id),
  ]);
  const staffReply = async (authorId: number) => (await db().message.create({ data: { ticketId: ticketA, authorId, bodyText: "Staff reply", bodyHtml: "<p>Staff reply</p>" } })).id;
  const [, , canned, token, outbox, kb, status, otherStatus, priority, otherPriority, customField, replyAgent, replyAdmin, replyManager, replyForeign, savedView] = await Promise.all([
    setTicketStatus(closedTicketA, "closed"),
    db().ticketParticipant.create({ data: { ticketId: ticketA, email: "colleague-of-a@example.test" } }),
    db().cannedReply.create({ data: { title: "Canned", body: "Canned body", createdById: agent.user.id } }),
    db().apiToken.create({ data: { name: "t", prefix: "hd_t", tokenHash: crypto.randomBytes(32).toString("hex"), userId: agent.user.id } }),
    db().outboxMail.findFirstOrThrow({ orderBy: { id: "asc" } }),
    buildKbWorld(agent.user.id),
    statusByKey("new"),
    statusByKey("in_progress"),
    db().priority.findUniqueOrThrow({ where: { key: "high" } }),
    db().priority.findUniqueOrThrow({ where: { key: "low" } }),
    db().customField.create({ data: { type: "text", nameRu: "Сайт", nameEn: "Site" } }),
    staffReply(agent.user.id),
    staffReply(admin.user.id),
    staffReply(manager.user.id),
    staffReply(foreign.user.id),
    db().savedView.create({ data: { ownerId: admin.user.id, name: "Admin's view", params: { status: "open", assignee: "any" }, pins: { create: { userId: admin.user.id } } } }),
  ]);
  const w: World = {
    ticketA,
    ticketAVersion: async () => (await db().ticket.findUniqueOrThrow({ where: { id: ticketA }, select: { version: true } })).version,
    closedTicketA,
    ticketB,
    agentId: agent.user.id,
    adminId: admin.user.id,
    customerAId: a.user.id,
    categoryId,
    foreignCategoryId: foreignCategory.id,
    teamId: team.id,
    statusId: status.id,
    otherStatusId: otherStatus.id,
    cannedReplyId: canned.id,
    apiTokenId: token.id,
    outboxId: outbox.id,
    kb,
    priorityId: priority.id,
    otherPriorityId: otherPriority.id,
    customFieldId: customField.id,
    staffReplyIds: { agent: replyAgent, admin: replyAdmin, manager: replyManager, foreignAgent: replyForeign },
    savedViewId: savedView.id,
  };
  const actors: Record<ActorName, Actor> = {
    anonymous,
    guest: guestActor(b.user.id, ticketB),
    customerA: a.actor,
    customerB: b.actor,
    agent: agent.actor,
    admin: admin.actor,
    manager: manager.actor,
    foreignAgent: foreign.actor,
  };
  return { w, actors };
}

/** One digest per table (rate limits aside): a denied call must not change any of them. One statement for all tables (it runs after every denied call). */
let fingerprintSql: string | null = null;
async function fingerprint(): Promise<Record<string, string>> {
  if (!fingerprintSql) {
    const tables = await db().$queryRaw<{ t: string }[]>`
      SELECT table_name::text AS t FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'rate_limits') ORDER BY 1`;
    fingerprintSql = tables.map(({ t }) => `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`).join("\nUNION ALL ");
  }
  const rows = await db().$queryRawUnsafe<{ t: string; h: string }[]>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

type Outcome = { ok: true; json: string } | { ok: false; code: string; message: string };

async function call(actor: Actor, path: string, input: unknown): Promise<Outcome> {
  let fn: unknown = callerFor(actor);
  for (const seg of path.split(".")) fn = (fn as Record<string, unknown>)[seg];
  try {
    const res = await (fn as (i: unknown) => Promise<unknown>)(input);
    return { ok: true, json: JSON.stringify(res) ?? "" };
  } catch (e) {
    if (e instanceof TRPCError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

describe("authorization matrix", () => {
  it("ASVS 5.0 V8.1.1: every procedure of the appRouter has a row in the authorization table, and no row is stale", () => {
    expect(PATHS.filter((p) => !(p in AUTHORIZATION_TABLE)), "procedures without a decision").toEqual([]);
    expect(Object.keys(AUTHORIZATION_TABLE).filter((p) => !PATHS.includes(p)), "table rows without a procedure").toEqual([]);
  });

  it.each(PATHS.filter((p) => p in AUTHORIZATION_TABLE))("ASVS 5.0 V8.2.1/V8.2.2/V8.3.1: %s", async (path) => {
    const entry = AUTHORIZATION_TABLE[path]!;
    const allowed = new Set(ALLOWED[entry.rule]);
    const problems: string[] = [];

    // denied actors first, all on one world: each must be refused and change nothing
    let { w, actors } = await buildWorld();
    const before = await fingerprint();
    for (const name of ACTORS.filter((n) => !allowed.has(n))) {
      const r = await call(actors[name], path, await entry.input(w, name));
      if (r.ok) problems.push(`${name}: expected deny, got success`);
      else if (!DENIED.has(r.code)) problems.push(`${name}: expected deny, got ${r.code} ${r.message}`);
      const after = await fingerprint();
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length) problems.push(`${name}: a denied call changed ${changed.join(", ")}`);
    }

    // allowed actors; before each mutation a fresh world (a delete by one must not hide the next one's access)
    const isMutation = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def.type !== "query";
    for (const name of ACTORS.filter((n) => allowed.has(n))) {
      if (isMutation) {
        await resetDb();
        ({ w, actors } = await buildWorld());
      }
      const r = await call(actors[name], path, await entry.input(w, name));
      if (!r.ok && (r.code === "UNAUTHORIZED" || r.code === "FORBIDDEN" || (r.code === "NOT_FOUND" && !entry.notFoundOk))) {
        problems.push(`${name}: expected allow, got ${r.code} ${r.message}`);
      }
      if (r.ok && MUST_NOT_SEE_A.includes(name) && r.json.includes(MARKER)) {
        problems.push(`${name}: the answer contains customer A's ticket`);
      }
    }
    expect(problems).toEqual([]);
  });
});
