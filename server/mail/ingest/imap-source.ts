/**
 * IMAP implementation of MailboxSource on imapflow.
 *
 * Follows shared/docs/mail.md: a new client per run, the error listener attached before
 * connect(), UID ranges filtered for the `*` quirk, and nothing issued inside a fetch loop —
 * each step collects its results before the next command. A batch costs three round-trips
 * (UID SEARCH, sizes, sources) no matter how many messages it holds.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ImapFlow, type MailboxObject } from "imapflow";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  MailboxError,
  SPOOL_ABOVE_BYTES,
  type FetchBatchArgs,
  type FetchedMail,
  type MailboxConfig,
  type MailboxSource,
  type MarkAction,
} from "./mailbox-types";

/** One UID FETCH of sources carries at most this much, so one huge batch can't balloon memory twice. */
const DOWNLOAD_CHUNK_BYTES = 16 * 1024 * 1024;
const DOWNLOAD_CHUNK_COUNT = 100;
const LOGOUT_TIMEOUT_MS = 5_000;
/** Partial FETCH size of a spooled download: 25 round trips for a 25 MB mail, 1 MB parsed at a time. */
const SPOOL_CHUNK_BYTES = 256 * 1024;

export class ImapSource implements MailboxSource {
  readonly protocol = "imap" as const;
  readonly uidValidity: number;
  readonly folder: string;
  /** messages in the folder when it was opened */
  readonly messageCount: number;

  constructor(
    private readonly client: ImapFlow,
    box: MailboxObject,
  ) {
    this.uidValidity = Number(box.uidValidity);
    this.folder = box.path;
    this.messageCount = box.exists;
  }

  async fetchBatch(args: FetchBatchArgs): Promise<Array<FetchedMail & { tooBig?: boolean }>> {
    const { afterUid, limit, maxBytes, spoolDir } = args;
    if (limit <= 0) return [];
    const c = this.client;
    // `N:*` always matches the newest message even when its UID is below N (imapflow #93):
    // drop everything at or below the cursor.
    const found = await c.search({ uid: `${afterUid + 1}:*` }, { uid: true });
    if (found === false) throw new MailboxError("PROTOCOL", `UID SEARCH failed in ${this.folder}`);
    const uids = [...new Set(found)].filter((u) => u > afterUid).sort((a, b) => a - b).slice(0, limit);
    if (!uids.length) return [];

    const sizes = new Map<number, number>();
    for await (const m of c.fetch(uidSet(uids), { uid: true, size: true }, { uid: true })) {
      if (m.uid > afterUid) sizes.set(m.uid, m.size ?? 0);
    }

    // Sources in chunks bounded by count and bytes; a message too big is never downloaded.
    const sources = new Map<number, Buffer>();
    let chunk: number[] = [];
    let chunkBytes = 0;
    const flush = async () => {
      if (!chunk.length) return;
      for await (const m of c.fetch(uidSet(chunk), { uid: true, source: true }, { uid: true })) {
        if (m.source) sources.set(m.uid, m.source);
      }
      chunk = [];
      chunkBytes = 0;
    };
    const large: number[] = [];
    for (const uid of uids) {
      const size = sizes.get(uid);
      if (size === undefined || size > maxBytes) continue;
      if (spoolDir && size > SPOOL_ABOVE_BYTES) {
        large.push(uid);
        continue;
      }
      if (chunk.length && (chunkBytes + size > DOWNLOAD_CHUNK_BYTES || chunk.length >= DOWNLOAD_CHUNK_COUNT)) {
        await flush();
      }
      chunk.push(uid);
      chunkBytes += size;
    }
    await flush();
    // Large messages one at a time, streamed to a file in partial FETCHes (imapflow download()):
    // never a whole 25 MB literal in memory, never a long synchronous parse of one.
    const files = new Map<number, { file: string; size: number }>();
    for (const uid of large) {
      const spooled = await this.spool(uid, spoolDir!);
      if (spooled) files.set(uid, spooled);
    }

    const out: Array<FetchedMail & { tooBig?: boolean }> = [];
    for (const uid of uids) {
      const size = sizes.get(uid);
      if (size === undefined) continue; // expunged between SEARCH and FETCH
      if (size > maxBytes) {
        out.push({ uid, uidl: null, raw: Buffer.alloc(0), size, tooBig: true });
        continue;
      }
      const spooled = files.get(uid);
      if (spooled) {
        out.push({ uid, uidl: null, raw: Buffer.alloc(0), size: spooled.size, file: spooled.file });
        continue;
      }
      const raw = sources.get(uid);
      if (raw) out.push({ uid, uidl: null, raw, size: raw.length });
    }
    return out;
  }

  /** One message's source into a new file of `dir`; null when the message is gone. */
  private async spool(uid: number, dir: string): Promise<{ file: string; size: number } | null> {
    const file = path.join(dir, `mail-${uid}-${crypto.randomBytes(6).toString("hex")}.eml`);
    const d = await this.client.download(String(uid), undefined, { uid: true, chunkSize: SPOOL_CHUNK_BYTES });
    if (!d.content) return null; // expunged between SEARCH and FETCH
    try {
      await pipeline(d.content, fs.createWriteStream(file, { mode: 0o600 }));
    } catch (e) {
      await fs.promises.rm(file, { force: true });
      throw e;
    }
    return { file, size: (await fs.promises.stat(file)).size };
  }

  async markProcessed(mail: FetchedMail, action: MarkAction): Promise<void> {
    if (action === "leave") return;
    if (mail.uid === null) throw new MailboxError("PROTOCOL", "IMAP message without UID");
    const range = String(mail.uid);
    if (action === "mark-seen") {
      if (!(await this.client.messageFlagsAdd(range, ["\\Seen"], { uid: true }))) {
        throw new MailboxError("PROTOCOL", `could not set \\Seen on UID ${range} in ${this.folder}`);
      }
      return;
    }
    // imapflow reports a failed MOVE as `false` (typically [TRYCREATE]): create the folder
    // once and retry, so a fresh "Processed" folder setting works without manual setup.
    if (await this.client.messageMove(range, action.move, { uid: true })) return;
    await this.client.mailboxCreate(action.move).catch(() => {});
    if (!(await this.client.messageMove(range, action.move, { uid: true }))) {
      throw new MailboxError("PROTOCOL", `could not move UID ${range} from ${this.folder} to ${action.move}`);
    }
  }

  async close(): Promise<void> {
    const c = this.client;
    // LOGOUT can hang on a dead server; the socket is closed either way.
    const timer = new Promise<void>((r) => setTimeout(r, LOGOUT_TIMEOUT_MS).unref());
    await Promise.race([c.logout().catch(() => {}), timer]);
    c.close();
  }
}

export async function openImapSource(cfg: MailboxConfig): Promise<ImapSource> {
  const timeout = cfg.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const client = new ImapFlow({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    auth: { user: cfg.username, pass: cfg.password },
    tls: { rejectUnauthorized: !cfg.allowInvalidCertificate, ...(cfg.caPem ? { ca: cfg.caPem } : {}) },
    logger: false,
    // A run is a short batch job: no IDLE between commands (it would cost extra round-trips).
    disableAutoIdle: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: Math.max(60_000, timeout),
  });
  // Without a listener an 'error' event (e.g. socket reset) crashes the process (imapflow #302).
  // The same error also rejects the pending command, which is where it is handled.
  client.on("error", () => {});
  try {
    await client.connect();
    const box = await client.mailboxOpen(cfg.folder || "INBOX");
    return new ImapSource(client, box);
  } catch (err) {
    client.close();
    throw err;
  }
}

/** Compact UID set: [1,2,3,7,9,10] → "1:3,7,9:10" (keeps long batches short on the wire). */
export function uidSet(uids: number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}:${sorted[i]}`);
  }
  return parts.join(",");
}
