// The shapes the mailbox sources share (config, fetched mail, errors): apart from
// mailbox-source.ts so that imap-source.ts and pop3-source.ts, which that file loads, do not
// import their own loader (an import cycle).
export type MailboxConfig = {
  protocol: "imap" | "pop3";
  host: string;
  port: number;
  /** implicit TLS (993/995). When false, STARTTLS/STLS is used if the server offers it. */
  secure: boolean;
  allowInvalidCertificate: boolean;
  /** extra trusted CA (PEM) for self-hosted servers; better than disabling validation */
  caPem?: string | null;
  username: string;
  password: string;
  /** IMAP only, default INBOX */
  folder?: string;
  connectTimeoutMs?: number;
};

export type FetchedMail = {
  /** IMAP UID */
  uid: number | null;
  /** POP3 UIDL */
  uidl: string | null;
  /** the source in memory; empty when it was spooled to `file` */
  raw: Buffer;
  size: number;
  /**
   * A large message (IMAP) streamed to this file instead of memory (FetchBatchArgs.spoolDir);
   * the run deletes it once the mail is handled.
   */
  file?: string;
};

export type FetchBatchArgs = {
  /** IMAP: last UID already stored (0 = none). POP3: ignored. */
  afterUid: number;
  limit: number;
  maxBytes: number;
  /** POP3: given all UIDLs on the server, resolve to those already stored, so they are skipped */
  skipUidls?: (uidls: string[]) => Promise<Set<string>>;
  /** IMAP: messages above SPOOL_ABOVE_BYTES are streamed into files in this directory (FetchedMail.file) */
  spoolDir?: string;
};

/** Messages larger than this are streamed to a file rather than held in memory (when a spool directory is given). */
export const SPOOL_ABOVE_BYTES = 1024 * 1024;

export type MarkAction = "mark-seen" | "leave" | { move: string };

export interface MailboxSource {
  readonly protocol: "imap" | "pop3";
  /** IMAP: UIDVALIDITY of the folder; POP3: null */
  readonly uidValidity: number | null;
  /**
   * New messages after the cursor, oldest first, at most `limit`. A message bigger than
   * `maxBytes` is not downloaded: it comes back with `tooBig: true` and an empty `raw`, so the
   * caller quarantines it with a reason and the cursor moves past it.
   */
  fetchBatch(args: FetchBatchArgs): Promise<Array<FetchedMail & { tooBig?: boolean }>>;
  /**
   * Cosmetic, after the caller committed: IMAP sets \Seen or moves the message (creating the
   * target folder if needed). POP3 has no flags or folders: "mark-seen" and "leave" do
   * nothing, `{ move }` throws — offer only "leave" for POP3 mailboxes.
   */
  markProcessed(mail: FetchedMail, action: MarkAction): Promise<void>;
  close(): Promise<void>;
}

export type TestConnectionResult =
  | { ok: true; folder: string; messages: number }
  | { ok: false; code: MailboxErrorCode; message: string };

export type MailboxErrorCode = "CERTIFICATE" | "AUTH" | "CONNECT" | "TIMEOUT" | "PROTOCOL";

/** Error thrown by openMailbox() and the sources, already classified for the settings UI/logs. */
export class MailboxError extends Error {
  constructor(
    readonly code: MailboxErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MailboxError";
  }
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
