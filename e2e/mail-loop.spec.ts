// The mail loop end to end on real parts: a customer opens a ticket in Chromium, an agent
// answers in Chromium, the worker (cron) sends the notification through SMTP to a local sink,
// the customer answers it from Gmail, Outlook and Thunderbird (shaped like those clients do,
// threaded by In-Reply-To/References), the answers land in a real Dovecot, the reply cron picks
// them up — and only the customer's own words appear on the ticket, in both browsers, with the
// status set by statusOnClientReply. Russian and English.
import { test, expect, type Browser } from "@playwright/test";
import { startDovecot, type DovecotInstance } from "../server/testing/dovecot";
import { startSmtpSink, type SmtpSink } from "../server/testing/smtp-sink";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { e2eDb, createStaff } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer } from "./support/staff";
import { cron, MAIL_CLIENTS, replyAs, resetMailSettings, useServerSecrets } from "./support/mail";

let dovecot: DovecotInstance;
let sink: SmtpSink;
let cronSecret = "";

test.beforeAll(async () => {
  cronSecret = useServerSecrets().CRON_SECRET;
  [dovecot, sink] = await Promise.all([startDovecot(), startSmtpSink()]);
  const db = e2eDb();
  await updateSettings("mail", { protocol: "imap", host: dovecot.host, port: dovecot.imapPort, secure: false, username: dovecot.user, password: dovecot.password, afterProcessing: "leave" }, db);
  await updateSettings("outbound", { transport: "smtp", smtpHost: "127.0.0.1", smtpPort: sink.port, smtpSecure: false, fromName: "Support" }, db);
  const inProgress = await db.status.findUniqueOrThrow({ where: { key: "in_progress" } });
  await updateSettings("tickets", { statusOnClientReply: inProgress.id, statusOnStaffReply: "none" }, db);
});

test.afterAll(async () => {
  await resetMailSettings();
  await Promise.all([dovecot?.stop(), sink?.stop()]);
});

const TEXT = {
  en: {
    title: "Scanner stopped sending PDFs",
    body: "Since Monday the scanner on floor 2 sends nothing.",
    staff: "Please restart the scanner and tell us whether it helps.",
    replies: {
      gmail: "Restarted it, still nothing arrives.\nThe display says \"SMTP error 550\".",
      outlook: "Colleague here: same problem on floor 3.",
      thunderbird: "Update: after the firmware update it works again.\nThank you!",
    },
  },
  ru: {
    title: "Сканер перестал присылать PDF",
    body: "С понедельника сканер на втором этаже ничего не отправляет.",
    staff: "Перезагрузите, пожалуйста, сканер и напишите, помогло ли.",
    replies: {
      gmail: "Перезагрузил, всё равно ничего не приходит.\nНа экране «Ошибка SMTP 550».",
      outlook: "Коллега пишет, что на третьем этаже то же самое.",
      thunderbird: "Обновили прошивку — заработало.\nСпасибо!",
    },
  },
} as const;

async function contextFor(browser: Browser, locale: "ru" | "en") {
  const lang = locale === "ru" ? "ru-RU,ru;q=0.9" : "en-US,en;q=0.9";
  return browser.newContext({ locale: locale === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": lang } });
}

for (const locale of ["en", "ru"] as const) {
  test(`mail loop (${locale}): portal ticket → staff reply by SMTP → Gmail/Outlook/Thunderbird answers via IMAP → only the new text on the ticket`, async ({ browser, baseURL }) => {
    const s = TEXT[locale];
    const stamp = Date.now().toString(36);
    const db = e2eDb();
    const customer = await createCustomer(locale === "ru" ? "Ольга Клиентова" : "Olga Customer", locale);
    const agent = await createStaff("AGENT", locale);

    // 1. the customer opens a ticket in the portal
    const cctx = await contextFor(browser, locale);
    const cpage = await cctx.newPage();
    await signIn(cpage, customer.email, customer.password);
    await cpage.goto("/tickets/new");
    const form = cpage.getByTestId("new-ticket-form");
    await form.locator('input[name="title"]').fill(`${s.title} ${stamp}`);
    await form.locator('textarea[name="body"]').fill(s.body);
    await form.locator('button[type="submit"]').click();
    await expect(cpage).toHaveURL(/\/tickets\/\d+$/);
    const ticketId = Number(/\/tickets\/(\d+)$/.exec(cpage.url())![1]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).locale).toBe(locale);

    // 2. the agent answers in the staff view
    const sctx = await contextFor(browser, locale);
    const spage = await sctx.newPage();
    await signIn(spage, agent.email, agent.password);
    await spage.goto(`/staff/tickets/${ticketId}`);
    await spage.getByTestId("composer-text").fill(s.staff);
    await spage.getByTestId("reply-form").locator('button[type="submit"]').click();
    await expect(spage.getByTestId("thread")).toContainText(s.staff);

    // 3. delivery (the cron URL; the after-request kick may have been first) → the SMTP sink
    const row = await db.outboxMail.findFirstOrThrow({ where: { ticketId, template: "reply.staff" } });
    await expect.poll(async () => {
      await cron(baseURL!, "deliver_mail", cronSecret);
      return (await db.outboxMail.findUniqueOrThrow({ where: { id: row.id } })).status;
    }, { timeout: 15_000 }).toBe("SENT");
    const note = await sink.waitFor((m) => m.parsed.messageId === row.messageIdHeader, 10_000);
    expect(note.envelope.rcptTo).toEqual([customer.email]);
    expect(note.parsed.subject).toContain(`[#${ticketId}]`);
    expect(note.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    const replyString = locale === "ru" ? "##- Введите свой ответ над этой строкой -##" : "##- Please type your reply above this line -##";
    expect(note.parsed.text!.split("\n")[0]).toBe(replyString);
    expect(note.parsed.text).toContain(s.staff);

    // 4. the customer answers from three mail clients; the mails arrive in the mailbox
    const statusBefore = (await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).statusId;
    const inProgress = await db.status.findUniqueOrThrow({ where: { key: "in_progress" } });
    expect(statusBefore).not.toBe(inProgress.id);
    for (const client of MAIL_CLIENTS) {
      const raw = await replyAs({ client, locale, notification: note, from: { name: customer.name, address: customer.email }, reply: s.replies[client] });
      await dovecot.append(raw);
    }

    // 5. the reply cron reads them
    const run = await cron(baseURL!, "ticket_replies", cronSecret);
    expect(run).toMatchObject({ job: "ticket_replies" });

    const messages = await db.message.findMany({ where: { ticketId, source: "EMAIL" }, orderBy: { id: "asc" } });
    expect(messages.map((m) => m.bodyText)).toEqual(MAIL_CLIENTS.map((c) => s.replies[c]));
    expect(messages.every((m) => m.authorId === customer.id && !m.isInternal && !m.isAutomatic)).toBe(true);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).statusId).toBe(inProgress.id);
    expect(await db.quarantineEntry.count({ where: { createdAt: { gte: new Date(Date.now() - 60_000) } } })).toBe(0);

    // 6. both browsers show exactly the customer's words: no quote, no attribution, no markers
    const leftovers = [s.staff, replyString, "wrote:", "пишет:", "From:", "От:", "Sent:", "Отправлено:", "________", "## ", "> "];
    for (const [page, url] of [[cpage, `/tickets/${ticketId}`], [spage, `/staff/tickets/${ticketId}`]] as const) {
      await page.goto(url);
      const items = page.getByTestId("thread").getByTestId("message");
      // opening text, the staff reply, three mail replies
      await expect(items).toHaveCount(5);
      for (const [i, client] of MAIL_CLIENTS.entries()) {
        const item = items.nth(2 + i);
        for (const line of s.replies[client].split("\n")) await expect(item).toContainText(line);
        const text = await item.innerText();
        for (const bad of leftovers) expect(text, `${client}: ${bad}`).not.toContain(bad);
      }
    }
    await expect(spage.getByTestId("status-select")).toHaveValue(String(inProgress.id));
    await cctx.close();
    await sctx.close();
  });
}
