// One cut everywhere: what ingest stores as a reply, what `mail:inspect` prints (inspectMail +
// formatInspection, as bin/cli-mail.ts runs them) and what the quarantine page's inspector
// answers are the same text, for plain, HTML-only and forwarded mail from our fixture corpus.
// Ingest also keeps the whole mail text beside the cut (messages.full_text, "show quoted text").
import fs from "node:fs";
import path from "node:path";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { cutReply, mailCutOptions } from "@/server/domain/mail/reply-cut";
import { formatInspection, inspectMail } from "./inspect-mail";
import { parseMail } from "./parse-mail";
import { runIngest } from "./run-ingest";
import { replyStrings } from "./decide-mail";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { buildMail, startKitDovecot, tickets, useMailbox } from "@/server/testing/ingest-test-kit";

const fixtures = path.resolve(import.meta.dirname, "../../domain/mail/__fixtures__/replies/eml");
const fixture = (suffix: string) => {
  const name = fs.readdirSync(fixtures).find((n) => n.endsWith(`${suffix}.eml`))!;
  return { raw: fs.readFileSync(path.join(fixtures, name)), expected: fs.readFileSync(path.join(fixtures, name.replace(/\.eml$/, ".expected.txt")), "utf8").trim() };
};

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

describe("reply cut: ingest, mail:inspect and the quarantine inspector agree", () => {
  it.each(["en-outlook-html", "de-gmail-multipart", "ru-gmail-forward", "en-windows-mail-html", "pl-inline", "ja-thunderbird-html"])(
    "%s: the same cut in inspectMail, the CLI text and quarantine.inspect",
    async (suffix) => {
      await useMailbox(dc);
      const { raw, expected } = fixture(suffix);
      const p = await parseMail(raw);
      const direct = cutReply(p.text, mailCutOptions(p, replyStrings(await loadSettings("mail"))));
      const inspected = await inspectMail(raw);
      const { actor } = await makeActor("AGENT");
      const viaPage = await callerFor(actor).quarantine.inspect({ emlBase64: raw.toString("base64") });
      expect(inspected.reply.text).toBe(direct.text);
      expect(viaPage.reply).toEqual(inspected.reply);
      expect(inspected.reply.text.replace(/\n{3,}/g, "\n\n")).toBe(expected.replace(/\n{3,}/g, "\n\n"));
      expect(formatInspection(inspected)).toContain(inspected.reply.text.split("\n").map((l) => `  | ${l}`).join("\n"));
    },
  );

  it("ingest stores the cut reply and keeps the whole text; an HTML-only reply is cut by its structure; a forward stays", async () => {
    const mb = await useMailbox(dc);
    const from = "anna@customer.example";
    await mb.deliver(await buildMail({ from, to: mb.address, subject: "Printer offline", text: "It does not print." }));
    await runIngest();
    const t = (await tickets()).at(-1)!;
    const quote = `On Mon, Oct 6, 2025 at 10:00 AM Support <${mb.address}> wrote:\n> Hello Anna,\n> please restart it.`;
    const plain = `Restarted, works.\n\n${quote}\n`;
    await mb.deliver(await buildMail({ from, to: mb.address, subject: `Re: [#${t.id}] Printer offline`, text: plain }));
    const html = `<div>Now it prints.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Support &lt;${mb.address}&gt;<br><b>Sent:</b> Monday, October 6, 2025 10:00<br><b>To:</b> Anna<br><b>Subject:</b> Printer</div><div>Hello Anna, please restart it.</div>`;
    await mb.deliver(await buildMail({ from, to: mb.address, subject: `RE: [#${t.id}] Printer offline`, html }));
    const forward = `This is the mail I mean.\n\n---------- Forwarded message ---------\nFrom: Shop <shop@vendor.example>\nDate: Mon, Oct 6, 2025 at 9:00 AM\nSubject: Order 5531\nTo: <${from}>\n\nYour order 5531 has shipped.\n`;
    await mb.deliver(await buildMail({ from, to: mb.address, subject: `Fwd: [#${t.id}] Order 5531`, text: forward }));
    const gmailForward = `<div dir="ltr">FYI<br><br><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Shop &lt;shop@vendor.example&gt;<br>Date: Mon, Oct 6, 2025<br>Subject: Order 5532<br>To: &lt;${from}&gt;<br></div><br><div>Order 5532 is delayed.</div></div></div>`;
    await mb.deliver(await buildMail({ from, to: mb.address, subject: `Re: [#${t.id}] Order 5532`, html: gmailForward, text: "FYI\n\n---------- Forwarded message ---------\nFrom: Shop <shop@vendor.example>\nDate: Mon, Oct 6, 2025\nSubject: Order 5532\nTo: <anna@customer.example>\n\nOrder 5532 is delayed.\n" }));
    expect(await runIngest()).toMatchObject({ appended: 4 });

    const messages = (await db().message.findMany({ where: { ticketId: t.id }, orderBy: { id: "asc" } })).map((m) => ({ bodyText: m.bodyText, fullText: m.fullText }));
    expect(messages[0]).toEqual({ bodyText: "Restarted, works.", fullText: plain.trimEnd() });
    expect(messages[1]!.bodyText).toBe("Now it prints.");
    expect(messages[1]!.fullText).toContain("Hello Anna, please restart it.");
    expect(messages[2]!.bodyText).toBe(forward.trimEnd());
    // the stored HTML of the forward keeps the forwarded mail too
    const storedHtml = (await db().message.findMany({ where: { ticketId: t.id }, orderBy: { id: "asc" } }))[2]!.bodyHtml;
    expect(storedHtml).toContain("Your order 5531 has shipped.");
    // a Gmail HTML forward inside .gmail_quote is not cut from the stored HTML either
    const gmail = (await db().message.findMany({ where: { ticketId: t.id }, orderBy: { id: "asc" } }))[3]!;
    expect(gmail.bodyText).toContain("Order 5532 is delayed.");
    expect(gmail.bodyHtml).toContain("Order 5532 is delayed.");
  });
});
