// XSS in a real browser (issue 8, item 4; ASVS 5.0 V1.2.1, V1.2.3, V1.3.1, V3.4.3). The corpus
// of e2e/support/xss-payloads.ts goes in through every input — mail (HTML part, text part,
// subject, sender name, attachment file name; real Dovecot + the ingest cron of the e2e
// server), the portal form (title, Markdown body, its preview), sign-up (name), customer and
// staff replies, internal notes, canned replies, category and status names (the admin
// services) — and every page that shows them is opened in Chromium as the customer and as
// staff. A probe (`window.__xss` setter, dialog and console hooks, CSP violation events) must
// stay silent, and no dangerous markup may reach the live DOM (so a CSP bypass would not
// matter either). Payloads are batched (one body carries the whole corpus) to stay fast.
import { test, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import crypto from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type Mail from "nodemailer/lib/mailer/index.js";
import { startDovecot, type DovecotInstance } from "../server/testing/dovecot";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { hashPassword } from "../server/auth/passwords";
import { e2eDb, createStaff, uniqueEmail } from "./support/db";
import { signIn, signUp } from "./support/auth";
import { cron, resetMailSettings, useServerSecrets } from "./support/mail";
import { PAYLOADS, SHORT, corpusBody, domFindings } from "./support/xss-payloads";

test.describe.configure({ mode: "serial", timeout: 90_000 });

const PNG_1x1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const stamp = Date.now().toString(36);
const PASSWORD = "xss-customer-pass-1";

let dovecot: DovecotInstance;
let cronSecret = "";
const S = {
  admin: { email: "", password: "" },
  agent: { email: "", password: "" },
  customer: { email: "", password: PASSWORD },
  mailCustomer: { email: "", password: PASSWORD },
  portalTicket: 0,
  mailTicket: 0,
  textMailTicket: 0,
  nameMailTickets: [] as number[],
};

/** A tRPC mutation over HTTP as the user signed in on `page` (the real server, the real services). */
async function trpc<T = unknown>(page: Page, proc: string, input: unknown): Promise<T> {
  // an API-style call (no Origin): it says so with the header a cross-site form cannot send
  const res = await page.request.post(`/api/trpc/${proc}`, { data: { json: input }, headers: { "x-helpdesk-request": "1" } });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!res.ok() || !body.result) throw new Error(`${proc} answered ${res.status()}: ${JSON.stringify(body.error ?? body).slice(0, 500)}`);
  return body.result.data.json;
}

async function mail(o: Mail.Options): Promise<Buffer> {
  const opts: Mail.Options = { messageId: `<${crypto.randomUUID()}@attacker.example>`, date: new Date(), to: dovecot.user, ...o };
  return new Promise<Buffer>((resolve, reject) => new MailComposer(opts).compile().build((err, raw) => (err ? reject(err) : resolve(raw))));
}

const corpusHtml = (label: string) => `<html><head><title>t</title></head><body><p>${label} corpus start</p>${PAYLOADS.map((p) => `<div>[${p.id}] ${p.html}</div>`).join("\n")}<p>${label} corpus end</p></body></html>`;

// ───────────────────────── the probe ─────────────────────────

type Watch = { page: Page; events: string[] };

async function watchedContext(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" } });
  // runs before any page script, in every frame
  await ctx.addInitScript(() => {
    const w = window as unknown as { __xssHits: string[]; __csp: string[] };
    const hits: string[] = [];
    const csp: string[] = [];
    Object.defineProperty(w, "__xssHits", { value: hits });
    Object.defineProperty(w, "__csp", { value: csp });
    let v: unknown = undefined;
    Object.defineProperty(window, "__xss", {
      configurable: false,
      get: () => v,
      set: (x) => {
        v = x;
        hits.push(`window.__xss=${String(x)} at ${location.href}`);
        // a payload in a frame reports to the top window as well
        try {
          if (window.top && window.top !== window) (window.top as unknown as { __xssHits: string[] }).__xssHits.push(`frame: ${location.href}`);
        } catch { /* cross-origin frame: its own hits are read below */ }
      },
    });
    document.addEventListener("securitypolicyviolation", (e) => csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return ctx;
}

function watch(page: Page): Watch {
  const events: string[] = [];
  page.on("dialog", async (d) => {
    events.push(`dialog ${d.type()}: ${d.message()} at ${page.url()}`);
    await d.dismiss().catch(() => {});
  });
  page.on("console", (m) => {
    const t = m.text();
    if (/Content.Security.Policy|Refused to (execute|load|apply|frame|navigate)|__xss/i.test(t)) events.push(`console ${m.type()}: ${t.slice(0, 300)}`);
  });
  page.on("popup", (p) => events.push(`popup opened: ${p.url()}`));
  return { page, events };
}

const problems: string[] = [];

/** Everything the probe saw on the current page (all frames), plus the DOM scan. */
async function verdict(w: Watch, label: string, into: string[] = problems) {
  await w.page.waitForTimeout(250); // let onload/onerror/ontoggle/animations fire
  for (const f of w.page.frames()) {
    const seen = await f.evaluate(() => {
      const x = window as unknown as { __xssHits?: string[]; __csp?: string[]; __xss?: unknown };
      return { hits: x.__xssHits ?? [], csp: x.__csp ?? [], flag: x.__xss };
    }).catch(() => ({ hits: [] as string[], csp: [] as string[], flag: undefined }));
    for (const h of seen.hits) into.push(`${label}: EXECUTED ${h}`);
    if (seen.flag !== undefined && seen.hits.length === 0) into.push(`${label}: __xss=${String(seen.flag)}`);
    // the app itself runs with zero violations (e2e/security-headers.spec.ts); a violation here
    // means a payload reached the DOM and only the CSP stopped it
    for (const c of seen.csp) into.push(`${label}: CSP violation ${c}`);
  }
  // every frame, the sandboxed previews included
  for (const f of w.page.frames()) for (const d of await f.evaluate(domFindings).catch(() => [] as string[])) into.push(`${label}: dangerous DOM ${d}${f === w.page.mainFrame() ? "" : ` (frame ${f.url()})`}`);
  for (const e of w.events.splice(0)) into.push(`${label}: ${e}`);
}

async function visit(w: Watch, url: string, label: string, mustShow: string[] = []) {
  await w.page.goto(url);
  await w.page.waitForLoadState("networkidle").catch(() => {});
  for (const text of mustShow) await expect(w.page.locator("body"), `${label} shows the injected text (the payload reached the page)`).toContainText(text);
  await verdict(w, label);
}

// ───────────────────────── injection ─────────────────────────

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  cronSecret = useServerSecrets().CRON_SECRET;
  dovecot = await startDovecot();
  const db = e2eDb();
  await updateSettings("mail", { protocol: "imap", host: dovecot.host, port: dovecot.imapPort, secure: false, username: dovecot.user, password: dovecot.password, afterProcessing: "leave" }, db);

  const admin = await createStaff("ADMIN", "en");
  const agent = await createStaff("AGENT", "en");
  S.admin = admin;
  S.agent = agent;
  // staff names show in the history panel, the assignee list and the reports
  await db.user.update({ where: { email: agent.email }, data: { name: `Agent ${SHORT[2]}` } });
  const staffCtx = await watchedContext(browser);
  const adminPage = await staffCtx.newPage();
  await signIn(adminPage, admin.email, admin.password);
  const agentCtx = await watchedContext(browser);
  const agentPage = await agentCtx.newPage();
  await signIn(agentPage, agent.email, agent.password);
  const agentId = (await db.user.findUniqueOrThrow({ where: { email: agent.email } })).id;

  // category and status names, canned reply title + body: through the admin/staff services
  const category = await trpc<{ id: number }>(adminPage, "category.create", { nameRu: SHORT[1]!, nameEn: SHORT[1]! });
  const status = await trpc<{ id: number }>(adminPage, "status.create", { nameRu: SHORT[0]!, nameEn: SHORT[0]!, color: "#aa0000", isClosed: false });
  await trpc(adminPage, "status.create", { nameRu: SHORT[9]!, nameEn: SHORT[9]!, color: "#00aa00", isClosed: false });
  await trpc(adminPage, "category.create", { nameRu: SHORT[6]!, nameEn: SHORT[6]! });
  await trpc(agentPage, "cannedReply.create", { title: `${SHORT[5]} canned`, body: corpusBody("canned") });
  await staffCtx.close();

  // mail: HTML + text, text only, subjects / sender names / file names, an automatic mail for the quarantine
  const mailFrom = uniqueEmail("mailer");
  S.mailCustomer.email = mailFrom;
  const mails: Buffer[] = [
    await mail({
      from: { name: SHORT[3]!, address: mailFrom },
      subject: `${SHORT[4]} mail-html ${stamp}`,
      html: corpusHtml("mail-html"),
      text: corpusBody("mail-text-alt"),
      attachments: [{ filename: `${SHORT[1]}.png`, content: PNG_1x1, contentType: "image/png" }, { filename: "invoice\u202Egnp.exe.png", content: PNG_1x1, contentType: "image/png" }],
    }),
    await mail({ from: { name: SHORT[9]!, address: mailFrom }, subject: `${SHORT[8]} mail-text ${stamp}`, text: corpusBody("mail-text") }),
    ...(await Promise.all(
      SHORT.map((p, i) =>
        mail({
          from: { name: p, address: uniqueEmail(`sender${i}`) },
          subject: `${p} subject-${i} ${stamp}`,
          html: `<p>short ${i}</p>${p}`,
          attachments: [{ filename: `${p}.png`, content: PNG_1x1, contentType: "image/png" }],
        }),
      ),
    )),
    await mail({
      from: { name: SHORT[7]!, address: uniqueEmail("robot") },
      subject: `${SHORT[0]} quarantined ${stamp}`,
      headers: { "Auto-Submitted": "auto-replied" },
      html: corpusHtml("quarantine-html"),
      text: corpusBody("quarantine-text"),
      attachments: [{ filename: `${SHORT[2]}.png`, content: PNG_1x1, contentType: "image/png" }],
    }),
  ];
  for (const raw of mails) await dovecot.append(raw);
  await cron(baseURL!, "ticket_replies", cronSecret);

  const mailTickets = await db.ticket.findMany({ where: { title: { contains: stamp } }, orderBy: { id: "asc" } });
  S.mailTicket = mailTickets.find((t) => t.title.includes("mail-html"))!.id;
  S.textMailTicket = mailTickets.find((t) => t.title.includes("mail-text"))!.id;
  S.nameMailTickets = mailTickets.filter((t) => /subject-\d/.test(t.title)).map((t) => t.id);
  expect(S.nameMailTickets).toHaveLength(SHORT.length);
  expect(await db.quarantineEntry.count({ where: { inboundMail: { subject: { contains: stamp } } } })).toBe(1);
  // the mail sender may sign in to the portal (set a password on the customer ingest created)
  await db.user.update({ where: { email: mailFrom }, data: { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() } });

  // sign-up (requester name) → portal form (title + Markdown body, previewed) → customer reply in the portal
  const ctx = await watchedContext(browser);
  const w = watch(await ctx.newPage());
  S.customer.email = uniqueEmail("xss-signup");
  await signUp(w.page, SHORT[3]!, S.customer.email, PASSWORD);
  await w.page.goto("/tickets/new");
  const form = w.page.getByTestId("new-ticket-form");
  await form.locator('input[name="title"]').fill(`${SHORT[0]} portal ${stamp}`);
  await form.locator('textarea[name="body"]').fill(corpusBody("portal"));
  await form.getByTestId("preview-tab").click();
  await expect(form.getByTestId("markdown-preview")).toContainText("portal corpus end");
  await verdict(w, "portal: Markdown preview of the new ticket");
  await form.getByRole("tab", { name: "Write" }).click();
  await form.locator('button[type="submit"]').click();
  await expect(w.page).toHaveURL(/\/tickets\/\d+$/);
  S.portalTicket = Number(/\/tickets\/(\d+)$/.exec(w.page.url())![1]);
  const reply = w.page.getByTestId("reply-form");
  await reply.locator("textarea").fill(corpusBody("customer-reply"));
  await reply.locator('button[type="submit"]').click();
  await expect(w.page.getByTestId("thread")).toContainText("customer-reply corpus end");
  await verdict(w, "portal: ticket after the customer's reply");
  await ctx.close();

  // staff: a reply (the outbox gets its notification), an internal note, category/status/assignee changes (history)
  await trpc(agentPage, "ticket.reply", { ticketId: S.portalTicket, body: corpusBody("staff-reply") });
  await trpc(agentPage, "ticket.addNote", { ticketId: S.portalTicket, body: corpusBody("internal-note") });
  const version = async (id: number) => (await db.ticket.findUniqueOrThrow({ where: { id } })).version;
  for (const id of [S.portalTicket, S.mailTicket]) {
    await trpc(agentPage, "ticket.setCategory", { ticketId: id, version: await version(id), categoryId: category.id });
    await trpc(agentPage, "ticket.setStatus", { ticketId: id, version: await version(id), statusId: status.id });
    await trpc(agentPage, "ticket.assign", { ticketId: id, version: await version(id), assigneeId: agentId });
  }
  await agentCtx.close();
});

test.afterAll(async () => {
  await resetMailSettings();
  await dovecot?.stop();
});

// ───────────────────────── the pages ─────────────────────────

test("the probe itself: a payload that runs, an alert and a CSP-blocked handler are all caught", async ({ browser }) => {
  const ctx = await watchedContext(browser);
  const w = watch(await ctx.newPage());
  await w.page.goto("/sign-in");
  await w.page.evaluate(() => {
    (window as unknown as { __xss: number }).__xss = 1;
    document.body.insertAdjacentHTML("beforeend", `<img src="data:," onerror="window.__xss=2">`);
    setTimeout(() => alert("probe"), 0);
  });
  await w.page.waitForTimeout(200);
  const seen: string[] = [];
  await verdict(w, "control", seen);
  expect(seen.some((x) => x.includes("EXECUTED window.__xss=1"))).toBe(true);
  expect(seen.some((x) => x.includes("CSP violation script-src-attr"))).toBe(true);
  expect(seen.some((x) => x.includes("dangerous DOM IMG onerror"))).toBe(true);
  expect(seen.some((x) => x.includes("dialog alert: probe"))).toBe(true);
  await ctx.close();
});

test("ASVS 5.0 V1.2.1/V1.3.1/V3.4.3: no payload runs on the customer's pages (portal list, tickets from the form and from mail)", async ({ browser }) => {
  for (const who of [S.customer, S.mailCustomer]) {
    const ctx = await watchedContext(browser);
    const w = watch(await ctx.newPage());
    await signIn(w.page, who.email, who.password);
    await verdict(w, `customer ${who.email}: after sign-in`);
    if (who === S.customer) {
      await visit(w, "/tickets", "portal list", ["<script>window.__xss=1</script> portal"]);
      await visit(w, `/tickets/${S.portalTicket}`, "portal ticket (form, customer and staff replies)", ["portal corpus end", "customer-reply corpus end", "staff-reply corpus end"]);
      await expect(w.page.getByTestId("thread")).not.toContainText("internal-note corpus");
    } else {
      await visit(w, "/tickets", "portal list (mail tickets)", ["mail-html", "mail-text"]);
      await visit(w, `/tickets/${S.mailTicket}`, "portal ticket from an HTML mail", ["mail-html corpus end"]);
      await visit(w, `/tickets/${S.textMailTicket}`, "portal ticket from a text mail", ["mail-text corpus end"]);
    }
    await ctx.close();
  }
  expect(problems, problems.join("\n")).toEqual([]);
});

test("ASVS 5.0 V1.2.1/V1.3.1/V3.4.3: no payload runs on the staff pages (queue, ticket view with history, canned replies, mail tickets)", async ({ browser }) => {
  const ctx = await watchedContext(browser);
  const w = watch(await ctx.newPage());
  await signIn(w.page, S.agent.email, S.agent.password);
  await visit(w, "/staff", "staff queue", ["mail-html", "portal", SHORT[3]!]);
  await visit(w, `/staff/tickets/${S.portalTicket}`, "staff ticket (portal)", ["portal corpus end", "customer-reply corpus end", "staff-reply corpus end", "internal-note corpus end"]);
  await expect(w.page.getByTestId("history-event").first()).toBeVisible();
  await expect(w.page.getByTestId("history")).toContainText(SHORT[1]!);
  // the canned reply menu and inserting one into the composer
  await w.page.getByTestId("canned-trigger").click();
  await expect(w.page.getByTestId("canned-item").first()).toContainText("canned");
  await w.page.getByTestId("canned-item").first().click();
  await expect(w.page.getByTestId("composer-text")).toHaveValue(/canned corpus end/);
  await verdict(w, "staff ticket: canned reply inserted");
  await visit(w, `/staff/tickets/${S.mailTicket}`, "staff ticket (HTML mail)", ["mail-html corpus end", SHORT[3]!]);
  await visit(w, `/staff/tickets/${S.textMailTicket}`, "staff ticket (text mail)", ["mail-text corpus end"]);
  for (const [i, id] of S.nameMailTickets.entries()) await visit(w, `/staff/tickets/${id}`, `staff ticket (subject/sender/file name ${i})`, [`subject-${i}`]);
  await ctx.close();
  expect(problems, problems.join("\n")).toEqual([]);
});

test("ASVS 5.0 V1.2.1/V1.3.1/V3.4.3: no payload runs on the admin pages (reports, quarantine, outbox preview, settings lists)", async ({ browser }) => {
  const ctx = await watchedContext(browser);
  const w = watch(await ctx.newPage());
  await signIn(w.page, S.admin.email, S.admin.password);
  await visit(w, "/staff/reports", "reports");
  await visit(w, "/staff/quarantine", "quarantine list", ["quarantined"]);
  const qrow = w.page.getByTestId("quarantine-row").filter({ hasText: stamp });
  await qrow.getByTestId("quarantine-view").click();
  await expect(w.page.getByRole("dialog")).toContainText("quarantine-text corpus end");
  await verdict(w, "quarantine preview: text");
  await w.page.getByRole("dialog").getByRole("tab", { name: "HTML" }).click();
  await expect(w.page.getByRole("dialog").locator("iframe")).toBeVisible();
  await verdict(w, "quarantine preview: HTML (sandboxed frame)");
  await w.page.keyboard.press("Escape");

  await visit(w, "/staff/outbox", "outbox list");
  const row = w.page.getByTestId("outbox-row").filter({ hasText: `#${S.portalTicket}` }).first();
  await row.getByTestId("outbox-view").click();
  const frame = w.page.getByTestId("outbox-frame");
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(w.page.frameLocator('[data-testid="outbox-frame"]').locator("body")).toContainText("staff-reply corpus end");
  // the notification's HTML (what the customer's mail client gets) carries no active markup either
  const srcdoc = (await frame.getAttribute("srcdoc")) ?? "";
  // (payload text is there, escaped; what matters are the tags)
  const tags = srcdoc.match(/<[a-z!/][^>]*>/gi) ?? [];
  expect(tags.length).toBeGreaterThan(5);
  expect(tags.filter((t) => /^<\/?(script|iframe|svg|math|object|embed|base|form|template|style)\b|\son[a-z]+\s*=|javascript:|data:text/i.test(t))).toEqual([]);
  await verdict(w, "outbox preview: HTML");
  await w.page.getByRole("dialog").getByRole("tab", { name: "Text" }).click();
  await verdict(w, "outbox preview: text");
  await w.page.keyboard.press("Escape");

  await visit(w, "/staff/settings/canned-replies", "settings: canned replies", ["canned"]);
  await visit(w, "/staff/settings/categories", "settings: categories", [SHORT[1]!]);
  await visit(w, "/staff/settings/statuses", "settings: statuses", ["<script>window.__xss=1</script>"]);
  await visit(w, "/staff/settings/users", "settings: users", [SHORT[2]!]);
  await visit(w, "/staff/settings/tickets", "settings: tickets");
  await ctx.close();
  expect(problems, problems.join("\n")).toEqual([]);
});
