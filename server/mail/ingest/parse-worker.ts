// Large mails are parsed off the main thread: mailparser decodes base64/quoted-printable and
// charsets synchronously in big slices, which stalled the event loop for over a second on a
// 25 MB mail (docs/mail.md, "keep the event loop free"). A worker thread runs simpleParser with
// the same options; the attachment bytes come back as transferred ArrayBuffers (no copy), and
// the main thread builds the ParsedMail exactly as parseMail() does. Small mails stay inline:
// a worker round trip costs more than parsing them.
//
// The worker is plain JavaScript evaluated from a string (no .ts file to load), so it runs the
// same under tsx, vitest and the Next server; it requires mailparser from the app's node_modules.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { fromMailparser, parseMail, PARSE_OPTIONS, type MpResult, type ParsedMail } from "./parse-mail";

/** Mails larger than this are parsed in the worker. */
export const WORKER_PARSE_BYTES = 1024 * 1024;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const crypto = require("node:crypto");
const { simpleParser } = require(workerData.mailparser);
parentPort.on("message", async ({ id, raw }) => {
  try {
    const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const sha = crypto.createHash("sha256").update(buf).digest("hex");
    const p = await simpleParser(buf, workerData.options);
    const transfer = [];
    const attachments = (p.attachments || []).map((a) => {
      // a fresh ArrayBuffer holding exactly this part, so it can be transferred
      const content = new Uint8Array(a.content.length);
      content.set(a.content);
      transfer.push(content.buffer);
      return { filename: a.filename, contentType: a.contentType, contentId: a.contentId, cid: a.cid, contentDisposition: a.contentDisposition, content };
    });
    const out = {
      headerLines: p.headerLines, messageId: p.messageId, from: p.from, to: p.to, cc: p.cc, subject: p.subject,
      inReplyTo: p.inReplyTo, references: p.references, text: p.text, html: p.html, date: p.date, attachments,
    };
    parentPort.postMessage({ id, ok: true, result: out, sha }, transfer);
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: String((e && e.message) || e) });
  }
});
`;

type Reply = { id: number; ok: true; result: Omit<MpResult, "attachments"> & { attachments: Array<Omit<MpResult["attachments"][number], "content"> & { content: Uint8Array }> }; sha: string } | { id: number; ok: false; error: string };

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

function mailparserPath(): string {
  return createRequire(path.join(process.cwd(), "package.json")).resolve("mailparser");
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { mailparser: mailparserPath(), options: PARSE_OPTIONS } });
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

/** Parses `raw` in the worker thread; same result as parseMail(raw). */
export async function parseMailInWorker(raw: Buffer): Promise<ParsedMail> {
  const w = getWorker();
  const id = ++seq;
  const reply = await new Promise<Reply>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    // a copy of the raw bytes goes over (the caller still needs them for the database)
    w.postMessage({ id, raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) });
  });
  if (!reply.ok) throw new Error(reply.error);
  const r = reply.result;
  const mp: MpResult = {
    ...r,
    date: r.date ? new Date(r.date) : undefined,
    attachments: r.attachments.map((a) => ({ ...a, content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength) })),
  };
  return fromMailparser(mp, raw, reply.sha);
}

/** Inline for small mails, in the worker above WORKER_PARSE_BYTES. */
export function parseMailAuto(raw: Buffer): Promise<ParsedMail> {
  return raw.length > WORKER_PARSE_BYTES ? parseMailInWorker(raw) : parseMail(raw);
}
