// Raw RFC 5322 bytes → the facts ingest decides on. mailparser does the MIME and charset work
// (iconv-lite: windows-1251, koi8-r …); we ask it not to build HTML from text or linkify, and to
// keep `cid:` links so inline images can be served from the ticket's own attachments.
// The header bag is built from the raw header lines (unfolded strings), which is what the
// automatic-mail rules in server/domain/mail/auto-reply.ts expect.
import crypto from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail as MpParsed } from "mailparser";
import { normaliseAddress } from "@/server/domain/mail/addresses";

export type ParsedAttachment = {
  fileName: string;
  contentType: string;
  data: Buffer;
  /** Content-ID without angle brackets, for `cid:` links */
  contentId: string | null;
  inline: boolean;
  /**
   * A part of a large mail parsed from a file (parse-worker.ts): its bytes are in this file, not
   * in `data` (left empty). `head` holds the first bytes, for the type check.
   */
  spooled?: { path: string; size: number; sha256: string; head: Buffer };
};

/** Size of an attachment, wherever its bytes are. */
export const attachmentSize = (a: ParsedAttachment) => a.spooled?.size ?? a.data.length;

export type ParsedMail = {
  /** Message-ID with angle brackets, null when absent or blank */
  messageId: string | null;
  /** the dedupe key: the Message-ID, else `sha256:<hex of raw>` — never "" */
  messageKey: string;
  sha256: string;
  /**
   * sha256 of who sent it and what it is about (sender address, subject), not of the headers
   * servers add on the way: a re-delivery, or a client re-sending the same message with an edited
   * body, has the same and stays a duplicate (server/security/crash-safe-ingest.int.test.ts); a
   * different mail that reuses a Message-ID (broken mailers do) has another sender or subject
   * and process-mail.ts stores it as a mail of its own.
   */
  contentSha256: string;
  size: number;
  from: { address: string; name: string };
  to: string[];
  cc: string[];
  /** Delivered-To / X-Original-To / Envelope-To: where a plus-token may survive */
  deliveredTo: string[];
  subject: string;
  inReplyTo: string | undefined;
  references: string[];
  text: string;
  html: string | null;
  contentType: string;
  headers: Record<string, string[]>;
  attachments: ParsedAttachment[];
  date: Date | null;
};

export const sha256Hex = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** The part of mailparser's result that parseMail reads (what the parse worker sends back). */
export type MpResult = Pick<MpParsed, "headerLines" | "messageId" | "from" | "to" | "cc" | "subject" | "inReplyTo" | "references" | "text" | "html" | "date"> & {
  attachments: Array<Pick<MpParsed["attachments"][number], "filename" | "contentType" | "contentId" | "cid" | "contentDisposition"> & { content: Buffer }>;
};

/** mailparser options of the ingest (also used by the parse worker). */
export const PARSE_OPTIONS = { skipTextToHtml: true, skipTextLinks: true, keepCidLinks: true, skipImageLinks: true } as const;

function addresses(v: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const list = v ? (Array.isArray(v) ? v : [v]) : [];
  const out: { address: string; name: string }[] = [];
  const walk = (items: { address?: string; name?: string; group?: unknown[] }[]) => {
    for (const a of items) {
      if (Array.isArray(a.group)) walk(a.group as typeof items);
      else if (a.address) out.push({ address: normaliseAddress(a.address), name: (a.name ?? "").trim() });
    }
  };
  for (const o of list) walk(o.value);
  return out.filter((a) => a.address !== "");
}

/** Header lines unfolded into a lower-cased bag of raw string values. */
function headerBag(p: Pick<MpParsed, "headerLines">): Record<string, string[]> {
  const bag: Record<string, string[]> = {};
  for (const h of p.headerLines ?? []) {
    const idx = h.line.indexOf(":");
    const value = (idx >= 0 ? h.line.slice(idx + 1) : "").replace(/\r?\n[ \t]+/g, " ").trim();
    (bag[h.key.toLowerCase()] ??= []).push(value);
  }
  return bag;
}

const idList = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.match(/<[^<>\s]+>/g) ?? []).filter((s) => s !== "<>");

/** A Message-ID worth deduping on: something between brackets, not blank. */
export function cleanMessageId(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  const bracketed = /<([^<>\s]+)>/.exec(t)?.[1] ?? (t && !/[\s<>]/.test(t) ? t : "");
  return bracketed ? `<${bracketed}>` : null;
}

/** Parses on the calling thread; parse-worker.ts moves large mails off it. */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  return fromMailparser(await simpleParser(raw, PARSE_OPTIONS), raw);
}

/** PostgreSQL text cannot hold NUL: a mail that carries one in a header or body must still be stored. */
const noNul = (s: string) => (s.includes("\u0000") ? s.replaceAll("\u0000", "") : s);

/** Every string of the parsed mail without NUL characters (the raw source keeps them). */
function withoutNul(m: ParsedMail): ParsedMail {
  const addr = (a: { address: string; name: string }) => ({ address: noNul(a.address), name: noNul(a.name) });
  return {
    ...m,
    messageId: m.messageId && noNul(m.messageId),
    messageKey: noNul(m.messageKey),
    from: addr(m.from),
    to: m.to.map(noNul),
    cc: m.cc.map(noNul),
    deliveredTo: m.deliveredTo.map(noNul),
    subject: noNul(m.subject),
    inReplyTo: m.inReplyTo && noNul(m.inReplyTo),
    references: m.references.map(noNul),
    text: noNul(m.text),
    html: m.html && noNul(m.html),
    contentType: noNul(m.contentType),
    headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [noNul(k), v.map(noNul)])),
    attachments: m.attachments.map((a) => ({ ...a, fileName: noNul(a.fileName), contentType: noNul(a.contentType), contentId: a.contentId && noNul(a.contentId) })),
  };
}

/** mailparser's result (from this thread or the worker) → ParsedMail. */
export function fromMailparser(p: MpResult, raw: Buffer, sha?: string): ParsedMail;
/** a mail parsed from a file: only its size is known here, and its sha256 must be given */
export function fromMailparser(p: MpResult, raw: { length: number }, sha: string): ParsedMail;
export function fromMailparser(p: MpResult, raw: Buffer | { length: number }, sha?: string): ParsedMail {
  return withoutNul(buildParsed(p, raw, sha ?? sha256Hex(raw as Buffer)));
}

/** See ParsedMail.contentSha256. */
export function contentFingerprint(m: Pick<ParsedMail, "from" | "subject">): string {
  const h = crypto.createHash("sha256");
  for (const s of [m.from.address.toLowerCase(), m.subject.replace(/\s+/g, " ").trim()]) h.update(`${Buffer.byteLength(s)}:`).update(s);
  return h.digest("hex");
}

function buildParsed(p: MpResult, raw: { length: number }, sha: string): ParsedMail {
  const parsed = buildFields(p, raw, sha);
  return { ...parsed, contentSha256: contentFingerprint(parsed) };
}

function buildFields(p: MpResult, raw: { length: number }, sha: string): Omit<ParsedMail, "contentSha256"> {
  const headers = headerBag(p);
  const messageId = cleanMessageId(p.messageId ?? headers["message-id"]?.[0]);
  const from = addresses(p.from)[0] ?? { address: "", name: "" };
  const delivered = ["delivered-to", "x-original-to", "envelope-to"].flatMap((k) => headers[k] ?? []).map(normaliseAddress).filter(Boolean);
  return {
    messageId,
    messageKey: messageId ?? `sha256:${sha}`,
    sha256: sha,
    size: raw.length,
    from,
    to: addresses(p.to).map((a) => a.address),
    cc: addresses(p.cc).map((a) => a.address),
    deliveredTo: delivered,
    subject: (p.subject ?? "").trim(),
    inReplyTo: idList(p.inReplyTo)[0],
    references: idList(p.references),
    text: p.text ?? "",
    html: typeof p.html === "string" && p.html.trim() !== "" ? p.html : null,
    contentType: headers["content-type"]?.[0] ?? "text/plain",
    headers,
    attachments: (p.attachments ?? []).map((a) => {
      // a part truncated inside its headers comes without a content type
      const type = typeof a.contentType === "string" && a.contentType ? a.contentType : "application/octet-stream";
      return {
      fileName: a.filename || (type.startsWith("image/") ? `image.${type.split("/")[1] ?? "bin"}` : "attachment"),
      contentType: type,
      data: a.content,
      contentId: a.contentId ? a.contentId.replace(/^<|>$/g, "") : a.cid ?? null,
      inline: a.contentDisposition === "inline" || (!!(a.contentId || a.cid) && a.contentDisposition !== "attachment"),
      };
    }),
    date: p.date ?? null,
  };
}
