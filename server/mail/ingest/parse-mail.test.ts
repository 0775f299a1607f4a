import { describe, it, expect } from "vitest";
import { cleanMessageId, parseMail } from "./parse-mail";
import { markAction, mailboxConfig } from "./run-ingest";
import { mailSettingsSchema } from "@/server/domain/settings/schema";

describe("parse-mail", () => {
  it("never keys on an empty Message-ID", () => {
    expect(cleanMessageId("<a@b>")).toBe("<a@b>");
    expect(cleanMessageId("  <a@b> (comment)")).toBe("<a@b>");
    expect(cleanMessageId("a@b")).toBe("<a@b>");
    for (const v of ["", "  ", "<>", "< >", undefined, null]) expect(cleanMessageId(v)).toBeNull();
  });

  it("falls back to sha256 of the raw source and reads headers as strings", async () => {
    const raw = Buffer.from("From: Ann <ann@x.example>\r\nTo: s@y.example\r\nMessage-ID: <>\r\nAuto-Submitted:\r\n auto-replied\r\nSubject: hi\r\n\r\nbody\r\n");
    const p = await parseMail(raw);
    expect(p.messageId).toBeNull();
    expect(p.messageKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(p.headers["auto-submitted"]).toEqual(["auto-replied"]);
    expect(p.from).toEqual({ address: "ann@x.example", name: "Ann" });
  });

  it("decodes koi8-r headers and body", async () => {
    const iconv = (await import("iconv-lite")).default;
    const body = iconv.encode("Привет", "koi8-r");
    const raw = Buffer.concat([Buffer.from(`From: a@x.example\r\nSubject: =?koi8-r?B?${iconv.encode("Тема", "koi8-r").toString("base64")}?=\r\nContent-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`), body]);
    const p = await parseMail(raw);
    expect([p.subject, p.text.trim()]).toEqual(["Тема", "Привет"]);
  });
});

describe("parse-mail on broken input (found by the mail fuzzer)", () => {
  it("drops NUL characters PostgreSQL text cannot store", async () => {
    const raw = Buffer.from("From: a\u0000b@x.example\r\nSubject: hi\u0000there\r\nMessage-ID: <m\u00001@x.example>\r\n\r\nbody\u0000text\r\n", "latin1");
    const p = await parseMail(raw);
    expect(JSON.stringify(p.headers) + p.subject + p.text + p.messageKey).not.toContain("\u0000");
    expect(p.subject).toBe("hithere");
  });

  it("gives a part truncated inside its headers a content type instead of throwing", async () => {
    const raw = Buffer.from(
      'From: a@x.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Disposition: attachment; filename="f.bin"\r\nContent-Type:',
    );
    const p = await parseMail(raw);
    for (const a of p.attachments) expect(typeof a.contentType).toBe("string");
  });
});

describe("run-ingest settings mapping", () => {
  it("maps afterProcessing and needs host + username", () => {
    expect(markAction("mark-seen")).toBe("mark-seen");
    expect(markAction("leave")).toBe("leave");
    expect(markAction("move:Done/Tickets")).toEqual({ move: "Done/Tickets" });
    expect(mailboxConfig(mailSettingsSchema.parse({}))).toBeNull();
    expect(mailboxConfig(mailSettingsSchema.parse({ host: "imap.x", username: "s@x", caPem: " " }))).toMatchObject({ host: "imap.x", caPem: null, folder: "INBOX" });
  });
});
