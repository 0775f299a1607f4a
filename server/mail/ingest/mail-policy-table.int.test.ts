// One decider for the web and the mail (issue 12 point 1): every ticket setting that decides who
// may write (requireLogin, allowGuestTickets, noRepliesAfterClose, allowUploads) × every kind
// of mail sender × open / closed ticket. For each cell the verdict of decideMail (real accounts
// and tickets in PostgreSQL, the mail parsed from real RFC 5322 bytes) must equal the verdict the
// web gets from the pure policies for the same person signed in the way the web knows them.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { anonymous, type Actor } from "@/server/domain/actor";
import { plusAddress } from "@/server/domain/mail/markers";
import { canCreateTicket, canReply, canUpload, type Decision } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { markerKey } from "@/server/mail/outbound/compose";
import { actorOf, firstCategoryId, makeUser, statusByKey } from "@/server/testing/factories";
import { buildMail } from "@/server/testing/ingest-test-kit";
import { parseMailAuto } from "./parse-worker";
import { decideMail, loadIngestContext, type Decision as MailDecision } from "./decide-mail";

const MAILBOX = "support@example.test";
const show = (d: Decision) => (d.ok ? "ok" : d.reason);

/** The mail's plan as a policy verdict: what it was allowed to do, or which reason refused it. */
function mailVerdict(d: MailDecision): string {
  const p = d.plan;
  if (p.action === "append" || p.action === "create") return "ok";
  if (p.action === "refuse-closed") return "REPLIES_CLOSED";
  const byReason: Record<string, string> = { "login-required": "LOGIN_REQUIRED", "guests-disabled": "GUESTS_DISABLED", "sender-inactive": "ACCOUNT_INACTIVE" };
  return byReason[p.reason] ?? `quarantine:${p.reason}`;
}
const mailUploads = (d: MailDecision) => (d.plan.action === "append" || d.plan.action === "create" ? show(d.plan.uploads) : "n/a");

type Fixture = Awaited<ReturnType<typeof fixture>>;
async function fixture() {
  const requester = await makeUser({ email: "req@client.example" });
  const passwordless = await makeUser({ email: "guest@client.example", password: null, verified: false });
  const agent = await makeUser({ role: "AGENT", email: "agent@firm.example" });
  const other = await makeUser({ email: "other@client.example" });
  const otherPasswordless = await makeUser({ email: "walkin@client.example", password: null, verified: false });
  const inactive = await makeUser({ email: "gone@client.example" });
  await db().user.update({ where: { id: inactive.id }, data: { isActive: false } });
  await makeUser({ email: "squat@client.example", verified: false });
  const open = await statusByKey("new");
  const closed = await statusByKey("closed");
  const make = async (requesterId: number, statusId: number) =>
    db().ticket.create({ data: { title: "T", body: "b", bodyHtml: "<p>b</p>", categoryId: await firstCategoryId(), statusId, requesterId, locale: "en", participants: { create: [{ email: "cc@client.example" }] } } });
  const tickets = {
    requester: { open: await make(requester.id, open.id), closed: await make(requester.id, closed.id) },
    guest: { open: await make(passwordless.id, open.id), closed: await make(passwordless.id, closed.id) },
  };
  return { requester, passwordless, agent, other, otherPasswordless, inactive, tickets };
}

type ReplyKind = { name: string; from: string; ticket: "requester" | "guest"; web: (f: Fixture, ticketId: number) => Actor };
const REPLY_KINDS: ReplyKind[] = [
  { name: "staff", from: "agent@firm.example", ticket: "requester", web: (f) => actorOf(f.agent) },
  { name: "requester with password", from: "req@client.example", ticket: "requester", web: (f) => actorOf(f.requester) },
  { name: "requester without password", from: "guest@client.example", ticket: "guest", web: (f, id) => ({ kind: "guest", userId: f.passwordless.id, ticketId: id, locale: "en" }) },
  // the web has no door for a Cc: the one decider answers for the participant actor
  { name: "cc", from: "cc@client.example", ticket: "requester", web: (_f, id) => ({ kind: "participant", ticketId: id, email: "cc@client.example", userId: null, locale: "en" }) },
];

type CreateKind = { name: string; from: string; web: (f: Fixture) => Actor };
const CREATE_KINDS: CreateKind[] = [
  { name: "known customer with password", from: "other@client.example", web: (f) => actorOf(f.other) },
  // on the web a password-less customer is a visitor of the guest form
  { name: "known customer without password", from: "walkin@client.example", web: () => anonymous },
  { name: "unknown address", from: "nobody@client.example", web: () => anonymous },
  { name: "unproven sign-up (treated as no account)", from: "squat@client.example", web: () => anonymous },
  { name: "inactive account", from: "gone@client.example", web: (f) => ({ kind: "inactive", userId: f.inactive.id }) },
];

const FLAGS = ["requireLogin", "allowGuestTickets", "noRepliesAfterClose", "allowUploads"] as const;
const COMBOS: Partial<TicketSettings>[] = Array.from({ length: 16 }, (_, n) => Object.fromEntries(FLAGS.map((k, i) => [k, !!(n & (1 << i))])));
const label = (s: Partial<TicketSettings>) => FLAGS.map((k) => `${k}=${s[k] ? 1 : 0}`).join(" ");

describe("one decision path: the web and the mail get the same verdict", () => {
  // the database is reset before every test (server/testing/setup-file.ts): each builds its world
  it(`reply: every setting × ${REPLY_KINDS.length} sender kinds × open/closed`, async () => {
    const f = await fixture();
    const base = await loadIngestContext();
    const problems: string[] = [];
    let cells = 0;
    for (const combo of COMBOS) {
      const s = { ...base.tickets, ...combo };
      for (const kind of REPLY_KINDS) {
        for (const state of ["open", "closed"] as const) {
          const t = f.tickets[kind.ticket][state];
          const raw = await buildMail({ from: kind.from, to: plusAddress(MAILBOX, t.id, markerKey()), subject: "Re: T", text: "reply" });
          const d = await decideMail(db(), await parseMailAuto(raw), { ...base, tickets: s, memo: {} });
          const web = kind.web(f, t.id);
          const facts = { id: t.id, requesterId: t.requesterId, isClosed: state === "closed" };
          const want = show(canReply(web, facts, s));
          const wantUploads = want === "ok" ? show(canUpload(web, s)) : "n/a";
          cells += 1;
          if (mailVerdict(d) !== want || mailUploads(d) !== wantUploads) {
            problems.push(`${label(combo)} ${kind.name} ${state}: web ${want}/${wantUploads}, mail ${mailVerdict(d)}/${mailUploads(d)}`);
          }
        }
      }
    }
    expect(cells).toBe(16 * REPLY_KINDS.length * 2);
    expect(problems).toEqual([]);
  });

  it(`new ticket: every setting × ${CREATE_KINDS.length} sender kinds`, async () => {
    const f = await fixture();
    const base = await loadIngestContext();
    const problems: string[] = [];
    for (const combo of COMBOS) {
      const s = { ...base.tickets, ...combo };
      for (const kind of CREATE_KINDS) {
        const raw = await buildMail({ from: kind.from, to: MAILBOX, subject: "New", text: "hello" });
        const d = await decideMail(db(), await parseMailAuto(raw), { ...base, tickets: s, memo: {} });
        const want = show(canCreateTicket(kind.web(f), s));
        if (mailVerdict(d) !== want) problems.push(`${label(combo)} ${kind.name}: web ${want}, mail ${mailVerdict(d)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the subject token alone never makes a staff address staff, in any setting", async () => {
    const f = await fixture();
    const base = await loadIngestContext();
    for (const combo of COMBOS) {
      const t = f.tickets.requester.open;
      const raw = await buildMail({ from: "agent@firm.example", to: MAILBOX, subject: `Re: [#${t.id}] T`, text: "forged" });
      const d = await decideMail(db(), await parseMailAuto(raw), { ...base, tickets: { ...base.tickets, ...combo }, memo: {} });
      expect(d.plan).toMatchObject({ action: "quarantine", reason: "unverified-staff", answer: null });
    }
  });
});
