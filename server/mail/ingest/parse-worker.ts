// Large mails are parsed off the main thread: mailparser decodes base64/quoted-printable and
// charsets synchronously in big slices, which stalled the event loop for over a second on a
// 25 MB mail (docs/mail.md, "keep the event loop free"). A worker thread runs mailparser with
// the same options, in one of two ways:
//   - a Buffer (POP3, the quarantine): simpleParser; the attachment bytes come back as
//     transferred ArrayBuffers (no copy);
//   - a file (a large IMAP mail spooled to disk by imap-source.ts): the file is streamed through
//     MailParser and every attachment is streamed to its own file in the run's spool directory,
//     with its size, sha256 and first bytes (for the type check); only paths and the text parts
//     come back. Neither the raw mail nor an attachment is ever whole in memory.
// The main thread builds the ParsedMail exactly as parseMail() does. Small mails stay inline: a
// worker round trip costs more than parsing them.
//
// The worker is plain JavaScript evaluated from a string (no .ts file to load), so it runs the
// same under tsx, vitest and the Next server; it requires mailparser from the app's node_modules.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { fromMailparser, parseMail, PARSE_OPTIONS, type MpResult, type ParsedMail } from "./parse-mail";

/** Mails larger than this are parsed in the worker. */
export const WORKER_PARSE_BYTES = 1024 * 1024;
/** Bytes of a spooled attachment kept for the type check (magic bytes, text or not). */
export const HEAD_BYTES = 64 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { simpleParser, MailParser } = require(workerData.mailparser);
const HEADS = ["subject", "references", "date", "to", "from", "cc", "bcc", "message-id", "in-reply-to", "reply-to"];
const pick = (p) => ({
  headerLines: p.headerLines, messageId: p.messageId, from: p.from, to: p.to, cc: p.cc, subject: p.subject,
  inReplyTo: p.inReplyTo, references: p.references, text: p.text, html: p.html, date: p.date,
});
const meta = (a) => ({ filename: a.filename, contentType: a.contentType, contentId: a.contentId, cid: a.cid, contentDisposition: a.contentDisposition });

async function fromBuffer(raw) {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const sha = crypto.createHash("sha256").update(buf).digest("hex");
  const p = await simpleParser(buf, workerData.options);
  const transfer = [];
  const attachments = (p.attachments || []).map((a) => {
    // a fresh ArrayBuffer holding exactly this part, so it can be transferred
    const content = new Uint8Array(a.content.length);
    content.set(a.content);
    transfer.push(content.buffer);
    return { ...meta(a), content };
  });
  return { result: { ...pick(p), attachments }, sha, size: buf.length, transfer };
}

// One attachment stream → a file, with its size, sha256 and first bytes.
function spoolAttachment(stream, file) {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash("sha256");
    const out = fs.createWriteStream(file, { mode: 0o600 });
    const head = [];
    let headLen = 0;
    let size = 0;
    stream.on("data", (c) => {
      hash.update(c);
      size += c.length;
      if (headLen < workerData.headBytes) {
        const part = c.subarray(0, workerData.headBytes - headLen);
        head.push(Buffer.from(part));
        headLen += part.length;
      }
      if (!out.write(c)) {
        stream.pause();
        out.once("drain", () => stream.resume());
      }
    });
    stream.on("error", reject);
    out.on("error", reject);
    stream.on("end", () => out.end(() => resolve({ size, sha256: hash.digest("hex"), head: new Uint8Array(Buffer.concat(head)) })));
  });
}

function fromFile(file, spoolDir) {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash("sha256");
    let size = 0;
    const mail = { attachments: [] };
    const pending = [];
    const parser = new MailParser(workerData.options);
    const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
    let n = 0;
    const fail = (e) => {
      input.destroy();
      parser.destroy();
      reject(e);
    };
    input.on("data", (c) => {
      hash.update(c);
      size += c.length;
    });
    input.on("error", fail);
    parser.on("error", fail);
    parser.on("headers", (h) => {
      mail.headers = h;
      mail.headerLines = parser.headerLines;
    });
    parser.on("data", (data) => {
      if (data.type === "text") {
        for (const k of ["text", "html"]) if (k in data) mail[k] = data[k];
        return;
      }
      if (data.type !== "attachment") return;
      const target = path.join(spoolDir, "part-" + crypto.randomBytes(12).toString("hex"));
      const a = { ...meta(data), file: target };
      mail.attachments.push(a);
      pending.push(spoolAttachment(data.content, target).then((r) => Object.assign(a, r), (e) => fail(e)).finally(() => data.release()));
    });
    parser.on("end", async () => {
      try {
        await Promise.all(pending);
        for (const k of HEADS) if (mail.headers && mail.headers.has(k)) mail[k.replace(/-([a-z])/g, (m, c) => c.toUpperCase())] = mail.headers.get(k);
        const transfer = mail.attachments.map((a) => a.head.buffer);
        resolve({ result: { ...pick(mail), attachments: mail.attachments }, sha: hash.digest("hex"), size, transfer });
      } catch (e) {
        reject(e);
      }
    });
    input.pipe(parser);
  });
}

parentPort.on("message", async (m) => {
  try {
    const r = m.file ? await fromFile(m.file, m.spoolDir) : await fromBuffer(m.raw);
    parentPort.postMessage({ id: m.id, ok: true, result: r.result, sha: r.sha, size: r.size }, r.transfer);
  } catch (e) {
    parentPort.postMessage({ id: m.id, ok: false, error: String((e && e.message) || e) });
  }
});
`;

type WireAttachment = Omit<MpResult["attachments"][number], "content"> & {
  content?: Uint8Array;
  /** file mode: where the part was written, and what the main thread needs to know of it */
  file?: string;
  size?: number;
  sha256?: string;
  head?: Uint8Array;
};
type Reply = { id: number; ok: true; result: Omit<MpResult, "attachments"> & { attachments: WireAttachment[] }; sha: string; size: number } | { id: number; ok: false; error: string };

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

function mailparserPath(): string {
  return createRequire(path.join(process.cwd(), "package.json")).resolve("mailparser");
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { mailparser: mailparserPath(), options: PARSE_OPTIONS, headBytes: HEAD_BYTES } });
  w.unref(); // an idle worker never keeps the process alive
  w.on("message", (m: Reply) => {
    const pending = waiting.get(m.id);
    waiting.delete(m.id);
    pending?.resolve(m);
    if (waiting.size === 0) w.unref();
  });
  const fail = (e: Error) => {
    for (const p of waiting.values()) p.reject(e);
    waiting.clear();
    if (worker === w) worker = null;
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`mail parse worker exited (${code})`)));
  worker = w;
  return w;
}

async function ask(msg: { raw: Uint8Array } | { file: string; spoolDir: string }): Promise<Extract<Reply, { ok: true }>> {
  const w = getWorker();
  const id = ++seq;
  const reply = await new Promise<Reply>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, ...msg });
  });
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

const asDate = (d: unknown) => (d ? new Date(d as string) : undefined);

/** Parses `raw` in the worker thread; same result as parseMail(raw). */
export async function parseMailInWorker(raw: Buffer): Promise<ParsedMail> {
  // a copy of the raw bytes goes over (the caller still needs them for the database)
  const reply = await ask({ raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) });
  const r = reply.result;
  const mp: MpResult = {
    ...r,
    date: asDate(r.date),
    attachments: r.attachments.map((a) => ({ ...a, content: Buffer.from(a.content!.buffer, a.content!.byteOffset, a.content!.byteLength) })),
  };
  return fromMailparser(mp, raw, reply.sha);
}

/**
 * Parses the mail in `file` in the worker thread, writing its attachments to files in
 * `spoolDir` (ParsedAttachment.spooled); the caller owns those files.
 */
export async function parseMailFileInWorker(file: string, spoolDir: string): Promise<ParsedMail> {
  const reply = await ask({ file, spoolDir });
  const r = reply.result;
  const mp: MpResult = { ...r, date: asDate(r.date), attachments: r.attachments.map((a) => ({ ...a, content: Buffer.alloc(0) })) };
  const p = fromMailparser(mp, { length: reply.size }, reply.sha);
  p.attachments.forEach((a, i) => {
    const w = r.attachments[i]!;
    a.spooled = { path: w.file!, size: w.size!, sha256: w.sha256!, head: Buffer.from(w.head!.buffer, w.head!.byteOffset, w.head!.byteLength) };
  });
  return p;
}

/** Inline for small mails, in the worker above WORKER_PARSE_BYTES. */
export function parseMailAuto(raw: Buffer): Promise<ParsedMail> {
  return raw.length > WORKER_PARSE_BYTES ? parseMailInWorker(raw) : parseMail(raw);
}
