// Integration: notifications through the outbox on a real PostgreSQL, delivered by the worker
// through the Resend SDK (against resend-fake), nodemailer (against smtp-sink) and the default
// outbox-only transport — headers, markers, retries, idempotency, rate limit, broken templates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId, statusByKey } from "@/server/testing/factories";
import { startResendFake, type ResendFake } from "@/server/testing/resend-fake";
import { startSmtpSink } from "@/server/testing/smtp-sink";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { findTicketRefInText, parseOwnMessageId, parsePlusAddress } from "@/server/domain/mail/markers";
import { deliverDue, MAX_ATTEMPTS, requeue } from "./deliver";
import { resendTransport, resetResendThrottle } from "./transports/resend";
import { markerKey } from "./compose";
import { notify } from "./notify";
import { enqueueMail, RATE_LIMIT } from "./enqueue";
import { outboxTransport } from "./transports/outbox";
import { enqueueAccountMail } from "./account-mail";

async function world(opts: { agents?: number } = {}) {
  const { actor: customer, user } = await makeActor("CUSTOMER");
  const agents = [];
  for (let i = 0; i < (opts.agents ?? 1); i++) agents.push(await makeActor("AGENT"));
  const t = await callerFor(customer).ticket.create({ title: "Printer <on> fire", body: "It smokes.", categoryId: await firstCategoryId() });
  return { customer, user, agents, ticketId: t.id };
}

const customerMails = (ticketId: number) =>
  db().outboxMail.findMany({ where: { ticketId, template: { not: { startsWith: "staff." } } }, orderBy: { id: "asc" } });

describe("outbox rows", () => {
  it("customer mails carry markers, subject token, Message-ID chain, anti-loop headers and Reply-To", async () => {
    await updateSettings("mail", { username: "support@example.test", plusAddressing: true });
    const w = await world();
    await callerFor(w.agents[0]!.actor).ticket.reply({ ticketId: w.ticketId, body: "We are on it." });
    const [ack, reply] = await customerMails(w.ticketId);
    expect(ack!.template).toBe("ticket.created");
    expect(reply!.template).toBe("reply.staff");
    for (const m of [ack!, reply!]) {
      expect(m.subject.startsWith(`[#${w.ticketId}] `)).toBe(true);
      expect(m.toEmail).toBe(w.user.email);
      expect(m.fromEmail).toBe("support@example.test");
      expect(parsePlusAddress(m.replyTo!, markerKey())).toBe(w.ticketId);
      expect(parseOwnMessageId(m.messageIdHeader, markerKey())).toBe(w.ticketId);
      expect(m.headers).toMatchObject({ "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "OOF, AutoReply" });
      expect(findTicketRefInText(m.text, ["## Ticket ID:"], markerKey())).toEqual({ id: w.ticketId, forged: false });
      expect(m.text.split("\n")[0]).toBe("##- Please type your reply above this line -##");
      expect(m.html).toContain("<!doctype html>");
    }
    expect(ack!.headers).not.toHaveProperty("In-Reply-To");
    expect(reply!.headers).toMatchObject({ "In-Reply-To": ack!.messageIdHeader, References: ack!.messageIdHeader });
    expect(reply!.text).toContain("We are on it.");
    // the staff notice went to the agent, in the agent's own thread
    const staff = await db().outboxMail.findMany({ where: { ticketId: w.ticketId, template: { startsWith: "staff." } } });
    expect(staff.map((s) => [s.template, s.toEmail])).toEqual([["staff.new-ticket", w.agents[0]!.user.email]]);
    expect(staff[0]!.text).not.toContain("## Ticket ID:");
  });

  it("Russian tickets get the Russian strings; closing carries a signed rating link", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const { actor: agent } = await makeActor("AGENT");
    await db().user.update({ where: { id: customer.kind === "user" ? customer.userId : 0 }, data: { locale: "ru" } });
    const t = await callerFor({ ...customer, locale: "ru" } as typeof customer).ticket.create({ title: "Не печатает", body: "Совсем", categoryId: await firstCategoryId() });
    await db().ticket.update({ where: { id: t.id }, data: { locale: "ru" } });
    const v = (await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).version;
    await callerFor(agent).ticket.setStatus({ ticketId: t.id, version: v, statusId: (await statusByKey("closed")).id });
    const closed = (await customerMails(t.id)).find((m) => m.template === "ticket.closed")!;
    expect(closed.subject).toContain("Заявка закрыта");
    expect(closed.text.split("\n")[0]).toBe("##- Введите свой ответ над этой строкой -##");
    expect(findTicketRefInText(closed.text, ["## Номер заявки:"], markerKey()).id).toBe(t.id);
    const rate = /\/rate\?token=(\S+)/.exec(closed.text)![1]!;
    const { verifyLink } = await import("@/server/auth/signed-links");
    expect(verifyLink("rate", decodeURIComponent(rate))).toMatchObject({ ticketId: t.id });
  });

  it("a broken admin template is never sent: the shipped default is used", async () => {
    await db().mailTemplate.create({ data: { key: "ticket.created", locale: "en", subject: "Hi {{ticket.number", text: "{{nope}}", html: "" } });
    const w = await world({ agents: 0 });
    const [ack] = await customerMails(w.ticketId);
    expect(ack!.subject).toContain("We have received your request");
    expect(ack!.text).not.toContain("{{");
  });

  it("a valid admin template overrides the default", async () => {
    await db().mailTemplate.create({ data: { key: "ticket.created", locale: "en", subject: "Got it: {{ticket.title}}", text: "Number {{ticket.number}} for {{customer.name}}", html: "" } });
    const w = await world({ agents: 0 });
    const [ack] = await customerMails(w.ticketId);
    expect(ack!.subject).toBe(`[#${w.ticketId}] Got it: Printer <on> fire`);
    expect(ack!.text).toContain(`Number ${w.ticketId} for`);
    expect(ack!.html).toContain(`<p>Number ${w.ticketId} for`);
  });

  it("staff notifications respect notify_prefs and go to the assignee when there is one", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const a = await makeActor("AGENT");
    const b = await makeActor("AGENT");
    await db().user.update({ where: { id: b.user.id }, data: { notifyPrefs: { newTicket: false } } });
    const t = await callerFor(customer).ticket.create({ title: "Help me please", body: "x", categoryId: await firstCategoryId() });
    const staff = await db().outboxMail.findMany({ where: { ticketId: t.id, template: "staff.new-ticket" } });
    expect(staff.map((s) => s.toEmail)).toEqual([a.user.email]);
    await db().ticket.update({ where: { id: t.id }, data: { assigneeId: b.user.id } });
    await callerFor(customer).ticket.reply({ ticketId: t.id, body: "More info" });
    const replies = await db().outboxMail.findMany({ where: { ticketId: t.id, template: "staff.customer-reply" } });
    expect(replies.map((s) => s.toEmail)).toEqual([b.user.email]);
  });

  it("reply.refused is polite, explains what to do, and tells strangers nothing about the ticket", async () => {
    const w = await world({ agents: 0 });
    await db().$transaction((tx) => notify(tx, { type: "reply.refused", to: "stranger@example.test", locale: "en", reason: "unknown-sender", ticketId: w.ticketId, subject: "Re: hi" }));
    const m = await db().outboxMail.findFirstOrThrow({ where: { toEmail: "stranger@example.test" } });
    expect(m.template).toBe("reply.refused");
    expect(m.ticketId).toBeNull();
    expect(m.text).toContain("not part of this ticket");
    expect(m.text).not.toContain("Printer");
    expect(m.headers).toMatchObject({ "Auto-Submitted": "auto-generated" });
  });

  it("rate limit: over RATE_LIMIT.perAddress mails per address and hour the rest are deferred, never dropped; Cc counts", async () => {
    for (let i = 0; i < RATE_LIMIT.perAddress + 3; i++) {
      await db().$transaction((tx) => notify(tx, { type: "reply.refused", to: "Loop@Example.test", locale: "ru", reason: "login-required", subject: `x${i}` }));
    }
    const rows = await db().outboxMail.findMany({ where: { toEmail: "loop@example.test" }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(RATE_LIMIT.perAddress + 3);
    expect(rows.slice(0, RATE_LIMIT.perAddress).every((r) => r.deferredUntil === null)).toBe(true);
    const late = rows.slice(RATE_LIMIT.perAddress);
    expect(late.every((r) => r.status === "PENDING" && r.deferredUntil !== null && r.nextAttemptAt.getTime() === r.deferredUntil.getTime())).toBe(true);
    // each deferred mail takes the slot of the one sent an hour before it
    for (let i = 0; i < late.length; i++) expect(late[i]!.deferredUntil!.getTime()).toBe(rows[i]!.nextAttemptAt.getTime() + RATE_LIMIT.windowMs);
    // the worker leaves them until then
    expect((await deliverDue({ transport: outboxTransport() })).claimed).toBe(RATE_LIMIT.perAddress);
    expect(await db().outboxMail.count({ where: { toEmail: "loop@example.test", status: "PENDING" } })).toBe(3);

    // an address that was only ever Cc'd has used its hour too
    for (let i = 0; i < RATE_LIMIT.perAddress; i++) await enqueueMail(db(), { template: "reply.refused", locale: "en", to: `other${i}@example.test`, cc: ["Boss@Example.test"], audience: "account", vars: {} });
    const r = await enqueueMail(db(), { template: "reply.refused", locale: "en", to: "boss@example.test", audience: "account", vars: {} });
    expect(r.deferredUntil).not.toBeNull();
  });

  it("account mails use the templates", async () => {
    await enqueueAccountMail(db(), { kind: "password.reset", to: "u@example.test", name: "Uma", locale: "en", token: "tok" });
    const m = await db().outboxMail.findFirstOrThrow({ where: { toEmail: "u@example.test" } });
    expect(m.subject).toBe("Reset your password");
    expect(m.text).toContain("/set-password?token=tok");
    expect(m.text).not.toContain("##");
  });
});

describe("outbox-only transport (default)", () => {
  it("keeps mail in the database: rows become SENT via 'outbox' and are never picked up again", async () => {
    const w = await world();
    const r = await deliverDue();
    expect(r.sent).toBeGreaterThanOrEqual(2);
    const rows = await db().outboxMail.findMany({ where: { ticketId: w.ticketId } });
    expect(rows.every((x) => x.status === "SENT" && x.transport === "outbox" && x.attempts === 1)).toBe(true);
    expect(await deliverDue()).toMatchObject({ claimed: 0 });
  });
});

describe("Resend transport", () => {
  let fake: ResendFake;
  beforeAll(async () => {
    fake = await startResendFake({ apiKey: "re_test_key" });
  });
  afterAll(async () => {
    await fake.stop();
  });
  const transport = () => resendTransport({ apiKey: "re_test_key", baseUrl: fake.url });

  it("sends with Idempotency-Key outbox-<id>, our headers, and never twice", async () => {
    fake.clear();
    resetResendThrottle();
    await updateSettings("outbound", { fromEmail: "desk@example.test", fromName: "Desk" });
    const w = await world({ agents: 0 });
    const [ack] = await customerMails(w.ticketId);
    // two workers at once: each row is claimed by one of them
    const [a, b] = await Promise.all([deliverDue({ transport: transport() }), deliverDue({ transport: transport() })]);
    expect(a.sent + b.sent).toBe(1);
    expect(fake.emails).toHaveLength(1);
    const e = fake.emails[0]!;
    expect(e.idempotencyKey).toBe(`outbox-${ack!.id}`);
    expect(e.body).toMatchObject({ from: '"Desk" <desk@example.test>', to: [w.user.email], subject: ack!.subject });
    expect((e.body.headers as Record<string, string>)["Auto-Submitted"]).toBe("auto-generated");
    expect((e.body.headers as Record<string, string>)["Message-ID"]).toBe(ack!.messageIdHeader);
    const row = await db().outboxMail.findUniqueOrThrow({ where: { id: ack!.id } });
    expect(row).toMatchObject({ status: "SENT", transport: "resend", providerId: e.id, attempts: 1 });

    // a worker that died after sending (lock expired): the retry carries the same key → no second mail
    await db().outboxMail.update({ where: { id: ack!.id }, data: { status: "SENDING", lockedUntil: new Date(Date.now() - 1000) } });
    await deliverDue({ transport: transport() });
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(2);
    expect(fake.emails).toHaveLength(1);
  });

  it("429 waits for retry-after without using an attempt; 5xx backs off; the mail goes out once", async () => {
    fake.clear();
    resetResendThrottle();
    const w = await world({ agents: 0 });
    const [ack] = await customerMails(w.ticketId);
    const t0 = Date.now();
    fake.failNext(1, 429, 3);
    expect(await deliverDue({ transport: transport() })).toMatchObject({ retried: 1 });
    let row = await db().outboxMail.findUniqueOrThrow({ where: { id: ack!.id } });
    expect(row.status).toBe("PENDING");
    expect(row.attempts).toBe(0);
    expect(row.lastError).toMatch(/429/);
    expect(row.nextAttemptAt.getTime() - t0).toBeGreaterThanOrEqual(2900);
    // not due yet
    expect(await deliverDue({ transport: transport() })).toMatchObject({ claimed: 0 });

    fake.failNext(2, 503);
    let now = new Date(Date.now() + 4000);
    expect(await deliverDue({ transport: transport(), now: () => now })).toMatchObject({ retried: 1 });
    row = await db().outboxMail.findUniqueOrThrow({ where: { id: ack!.id } });
    expect(row.attempts).toBe(1);
    const wait1 = row.nextAttemptAt.getTime() - now.getTime();
    now = new Date(row.nextAttemptAt.getTime() + 1);
    await deliverDue({ transport: transport(), now: () => now });
    row = await db().outboxMail.findUniqueOrThrow({ where: { id: ack!.id } });
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThan(wait1 * 1.5);
    now = new Date(row.nextAttemptAt.getTime() + 1);
    expect(await deliverDue({ transport: transport(), now: () => now })).toMatchObject({ sent: 1 });
    expect(fake.emails).toHaveLength(1);
    const keys = new Set(fake.requests.map((r) => r.headers["idempotency-key"]));
    expect([...keys]).toEqual([`outbox-${ack!.id}`]);
  });

  it("gives up after MAX_ATTEMPTS and a staff resend queues it again", async () => {
    fake.clear();
    resetResendThrottle();
    const w = await world({ agents: 0 });
    const [ack] = await customerMails(w.ticketId);
    await db().outboxMail.update({ where: { id: ack!.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    fake.failNext(1, 500);
    expect(await deliverDue({ transport: transport() })).toMatchObject({ failed: 1 });
    expect(await db().outboxMail.findUniqueOrThrow({ where: { id: ack!.id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(await requeue(db(), ack!.id)).toBe(true);
    expect(await deliverDue({ transport: transport() })).toMatchObject({ sent: 1 });
    expect(fake.emails).toHaveLength(1);
  });

  it("the configured transport: API key decrypted from settings, base URL from RESEND_BASE_URL", async () => {
    fake.clear();
    resetResendThrottle();
    const { resetEnvCache } = await import("@/server/env");
    process.env.RESEND_BASE_URL = fake.url;
    resetEnvCache();
    try {
      await updateSettings("outbound", { transport: "resend", resendApiKey: "re_test_key" });
      const stored = await db().setting.findUniqueOrThrow({ where: { key: "outbound.resendApiKey" } });
      expect(JSON.stringify(stored.value)).not.toContain("re_test_key");
      await world({ agents: 0 });
      expect(await deliverDue()).toMatchObject({ sent: 1 });
      expect(fake.emails).toHaveLength(1);
      expect(fake.requests[0]!.headers.authorization).toBe("Bearer re_test_key");
    } finally {
      delete process.env.RESEND_BASE_URL;
      resetEnvCache();
    }
  });

  it("a 4xx other than 429 is permanent", async () => {
    fake.clear();
    resetResendThrottle();
    const w = await world({ agents: 0 });
    const [ack] = await customerMails(w.ticketId);
    const bad = resendTransport({ apiKey: "re_wrong", baseUrl: fake.url });
    expect(await deliverDue({ transport: bad })).toMatchObject({ failed: 1 });
    expect((await db().outboxMail.findUniqueOrThrow({ where: { id: ack!.id } })).lastError).toMatch(/403/);
  });

  it("keeps to 2 requests per second", async () => {
    fake.clear();
    resetResendThrottle();
    for (let i = 0; i < 3; i++) await enqueueAccountMail(db(), { kind: "password.reset", to: `r${i}@example.test`, name: "R", locale: "en", token: `t${i}` });
    await deliverDue({ transport: transport() });
    const at = fake.requests.map((r) => r.at.getTime());
    expect(at).toHaveLength(3);
    expect(at[2]! - at[0]!).toBeGreaterThanOrEqual(900);
  });
});

describe("SMTP transport", () => {
  it("delivers through the configured server (password decrypted from settings) with every header", async () => {
    const sink = await startSmtpSink({ auth: { user: "desk", pass: "s3cret pass" } });
    try {
      await updateSettings("mail", { username: "support@example.test", plusAddressing: false });
      await updateSettings("outbound", { transport: "smtp", smtpHost: "127.0.0.1", smtpPort: sink.port, smtpSecure: false, smtpUsername: "desk", smtpPassword: "s3cret pass" });
      const stored = await db().setting.findUniqueOrThrow({ where: { key: "outbound.smtpPassword" } });
      expect(JSON.stringify(stored.value)).not.toContain("s3cret");
      const w = await world({ agents: 0 });
      await deliverDue();
      const { actor: agent } = await makeActor("AGENT");
      await callerFor(agent).ticket.reply({ ticketId: w.ticketId, body: "Line one\nLine two" });
      await deliverDue();
      const [ack, reply] = await customerMails(w.ticketId);
      expect(ack!.status).toBe("SENT");
      expect(reply!.status).toBe("SENT");
      const msg = await sink.waitFor((m) => m.parsed.messageId === reply!.messageIdHeader);
      const p = msg.parsed;
      expect(msg.user).toBe("desk");
      expect(msg.envelope.rcptTo).toEqual([w.user.email]);
      expect(p.from?.value[0]?.address).toBe("support@example.test");
      expect(p.replyTo?.value[0]?.address).toBe("support@example.test");
      expect(p.subject).toBe(`[#${w.ticketId}] Re: Printer <on> fire`);
      expect(p.inReplyTo).toBe(ack!.messageIdHeader);
      expect(p.references).toEqual(ack!.messageIdHeader);
      expect(p.headers.get("auto-submitted")).toBe("auto-generated");
      expect(p.headers.get("x-auto-response-suppress")).toBe("OOF, AutoReply");
      expect(p.text).toContain("Line one\nLine two");
      expect(findTicketRefInText(p.text ?? "", ["## Ticket ID:"], markerKey()).id).toBe(w.ticketId);
      expect(String(p.html)).toContain("Line one<br>");

      // 4xx → retry later, 5xx → failed
      sink.failNext(1, 451);
      await enqueueAccountMail(db(), { kind: "password.reset", to: "x@example.test", name: "X", locale: "ru", token: "t" });
      expect(await deliverDue()).toMatchObject({ retried: 1 });
      sink.failNext(1, 550, "No such user");
      expect(await deliverDue({ now: () => new Date(Date.now() + 3600_000) })).toMatchObject({ failed: 1 });
      const row = await db().outboxMail.findFirstOrThrow({ where: { toEmail: "x@example.test" } });
      expect(row.status).toBe("FAILED");
      expect(row.lastError).toMatch(/550/);
    } finally {
      await sink.stop();
    }
  });
});

describe("cron /cron/deliver_mail", () => {
  it("401 without the secret, delivers with Bearer or ?token=", async () => {
    const { GET: handleDeliverCron } = await import("@/app/cron/deliver_mail/route");
    const { secrets } = await import("@/server/secrets");
    const secret = secrets().CRON_SECRET;
    expect((await handleDeliverCron(new Request("http://x/cron/deliver_mail"))).status).toBe(401);
    expect((await handleDeliverCron(new Request("http://x/cron/deliver_mail?token=wrong"))).status).toBe(401);
    expect((await handleDeliverCron(new Request("http://x/cron/deliver_mail", { headers: { authorization: "Bearer nope" } }))).status).toBe(401);
    await world({ agents: 0 });
    const ok = await handleDeliverCron(new Request("http://x/cron/deliver_mail", { headers: { authorization: `Bearer ${secret}` } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, job: "deliver_mail", result: { sent: 1 } });
    const again = await handleDeliverCron(new Request(`http://x/cron/deliver_mail?token=${encodeURIComponent(secret)}`));
    expect(await again.json()).toMatchObject({ ok: true, result: { claimed: 0 } });
  });
});

describe("mailTemplate procedures", () => {
  it("refuse a broken template on save, preview and save a good one, reset to default; admin only", async () => {
    const { actor: admin } = await makeActor("ADMIN");
    const { actor: agent } = await makeActor("AGENT");
    const api = callerFor(admin).mailTemplate;
    await expect(callerFor(agent).mailTemplate.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(agent).outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const broken = { key: "ticket.created" as const, locale: "ru" as const, subject: "{{ticket.number}", text: "x", html: "" };
    await expect(api.save(broken)).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { reason: "TEMPLATE_BROKEN" } });
    expect((await api.preview(broken)).problems).toHaveLength(1);
    const good = { ...broken, subject: "Принято: {{ticket.title}}", text: "Заявка {{ticket.number}}", html: "<p>{{ticket.title}}</p>" };
    const pv = await api.preview(good);
    expect(pv.mail!.subject).toBe("[#1042] Принято: Не приходит счёт <за март>");
    expect(pv.mail!.html).toContain("<p>Не приходит счёт &lt;за март&gt;</p>");
    expect(pv.mail!.text).toContain("## Номер заявки: 1042-");
    await api.save(good);
    expect((await api.get({ key: "ticket.created", locale: "ru" })).overridden).toBe(true);
    expect((await api.list()).filter((r) => r.overridden)).toEqual([expect.objectContaining({ key: "ticket.created", locale: "ru" })]);
    await api.reset({ key: "ticket.created", locale: "ru" });
    expect((await api.get({ key: "ticket.created", locale: "ru" })).overridden).toBe(false);
  });

  it("outbox.list / get / resend", async () => {
    const { actor: admin } = await makeActor("ADMIN");
    const w = await world({ agents: 0 });
    await deliverDue();
    const list = await callerFor(admin).outbox.list({});
    const ack = list.items.find((i) => i.ticketId === w.ticketId && i.template === "ticket.created")!;
    expect(ack.status).toBe("SENT");
    const full = await callerFor(admin).outbox.get({ id: ack.id });
    expect(full.html).toContain("<!doctype html>");
    await callerFor(admin).outbox.resend({ id: ack.id });
    expect((await db().outboxMail.findUniqueOrThrow({ where: { id: ack.id } })).status).toBe("PENDING");
  });
});

describe("attachments of staff replies", () => {
  it("are links by default and attached as files when outbound.attachToReplies is on", async () => {
    const sink = await startSmtpSink();
    try {
      const { uploadFile } = await import("@/server/services/uploads/upload-file");
      await updateSettings("outbound", { transport: "smtp", smtpHost: "127.0.0.1", smtpPort: sink.port, smtpSecure: false, attachToReplies: true });
      const w = await world({ agents: 0 });
      const agent = await makeActor("AGENT");
      const up = await uploadFile(agent.actor, { fileName: "notes.txt", data: Buffer.from("hello file") });
      await callerFor(agent.actor).ticket.reply({ ticketId: w.ticketId, body: "See the file.", attachmentIds: [up.id] });
      const reply = (await customerMails(w.ticketId)).find((m) => m.template === "reply.staff")!;
      expect(reply.attachmentIds).toEqual([up.id]);
      expect(reply.text).toContain(`/api/attachments/${up.id}`);
      await deliverDue();
      const msg = await sink.waitFor((m) => m.parsed.messageId === reply.messageIdHeader);
      expect(msg.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([["notes.txt", "hello file"]]);
    } finally {
      await sink.stop();
    }
  });
});

