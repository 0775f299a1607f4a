// Test helpers for the ingest integration tests: one Dovecot per file with a user per test (so
// a fresh database never re-reads another test's mail), a mail builder, and the markers our own
// notifications carry. Test-only; never imported by app code.
import crypto from "node:crypto";
import iconv from "iconv-lite";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { startDovecot, type DovecotInstance, type DovecotUser } from "@/server/testing/dovecot";
import { updateSettings } from "@/server/platform/settings/settings-store";
import type { MailSettings } from "@/server/domain/settings/schema";
import { db } from "@/server/db/client";

export const USERS = 40;

export async function startKitDovecot(opts: { tls?: boolean } = {}) {
  const users: DovecotUser[] = Array.from({ length: USERS }, (_, i) => ({ user: `support${i}@example.test`, password: `secret${i}` }));
  return startDovecot({ tls: opts.tls, users });
}

let next = 0;
/** A fresh mailbox user and the mail settings pointing at it (a TLS Dovecot's CA trusted for STARTTLS). */
export async function useMailbox(dc: DovecotInstance, over: Partial<MailSettings> = {}) {
  const u = dc.users[next++ % dc.users.length]!;
  await updateSettings("mail", {
    protocol: "imap", host: dc.host, port: dc.imapPort, secure: false, caPem: dc.caPem ?? "", username: u.user, password: u.password, ...over,
  });
  return {
    user: u,
    address: u.user,
    deliver: (raw: Buffer | string) => dc.append(raw, "INBOX", [], u),
  };
}

export type MailOpts = Mail.Options & { noMessageId?: boolean };

/** RFC 5322 bytes built by nodemailer's composer (the same MIME a real client would send). */
export async function buildMail(o: MailOpts): Promise<Buffer> {
  const { noMessageId, ...rest } = o;
  const opts: Mail.Options = { messageId: `<${crypto.randomUUID()}@client.example>`, date: new Date(), ...rest };
  const raw = await new Promise<Buffer>((resolve, reject) =>
    new MailComposer(opts).compile().build((err, msg) => (err ? reject(err) : resolve(msg))),
  );
  return noMessageId ? Buffer.from(raw.toString("binary").replace(/^Message-ID:.*\r?\n/im, ""), "binary") : raw;
}

/** A single-part text mail in a legacy charset, encoded by hand (8bit body). */
export function legacyCharsetMail(o: { from: string; to: string; subject: string; text: string; charset: "windows-1251" | "koi8-r" }): Buffer {
  const enc = (s: string) => iconv.encode(s, o.charset);
  const subject = `=?${o.charset}?B?${enc(o.subject).toString("base64")}?=`;
  const head =
    `From: ${o.from}\r\nTo: ${o.to}\r\nSubject: ${subject}\r\nMessage-ID: <${crypto.randomUUID()}@legacy.example>\r\n` +
    `Date: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${o.charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "ascii"), enc(o.text.replace(/\n/g, "\r\n")), Buffer.from("\r\n")]);
}

export const tickets = () => db().ticket.findMany({ orderBy: { id: "asc" }, include: { messages: { orderBy: { id: "asc" } }, attachments: true, requester: true, participants: true } });
