/**
 * POP3 implementation of MailboxSource.
 *
 * POP3 has no UIDs, flags or folders: "what is new" is decided by UIDL against the UIDLs the
 * caller has already stored (`skipUidls`), so nothing is downloaded twice. Messages are never
 * deleted from the server (DELE is not used), which keeps POP3 as safe as IMAP for the
 * never-lose rule. One session = one snapshot of the maildrop (RFC 1939), so the listing is
 * read once per session.
 */
import { Pop3Client } from "./pop3-client";
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  MailboxError,
  type FetchBatchArgs,
  type FetchedMail,
  type MailboxConfig,
  type MailboxSource,
  type MarkAction,
} from "./mailbox-types";

type Entry = { n: number; uidl: string; size: number };

export class Pop3Source implements MailboxSource {
  readonly protocol = "pop3" as const;
  readonly uidValidity = null;
  private listing: Entry[] | null = null;
  /** UIDLs handed out or known to be stored: never offered again in this session */
  private done = new Set<string>();

  constructor(private readonly client: Pop3Client) {}

  async messageCount(): Promise<number> {
    return (await this.client.stat()).count;
  }

  async fetchBatch(args: FetchBatchArgs): Promise<Array<FetchedMail & { tooBig?: boolean }>> {
    const listing = (this.listing ??= await this.readListing());
    let fresh = listing.filter((m) => !this.done.has(m.uidl));
    if (args.skipUidls && fresh.length) {
      const stored = await args.skipUidls(fresh.map((m) => m.uidl));
      for (const u of stored) this.done.add(u);
      fresh = fresh.filter((m) => !stored.has(m.uidl));
    }
    const out: Array<FetchedMail & { tooBig?: boolean }> = [];
    // RETR is one round-trip per message; POP3 has no multi-message fetch (no pipelining
    // assumed, since not every server advertises PIPELINING).
    for (const m of fresh.slice(0, Math.max(0, args.limit))) {
      this.done.add(m.uidl);
      if (m.size > args.maxBytes) {
        out.push({ uid: null, uidl: m.uidl, raw: Buffer.alloc(0), size: m.size, tooBig: true });
        continue;
      }
      const raw = await this.client.retr(m.n);
      out.push({ uid: null, uidl: m.uidl, raw, size: raw.length });
    }
    return out;
  }

  async markProcessed(_mail: FetchedMail, action: MarkAction): Promise<void> {
    // Nothing to do on the server: the stored UIDL is what marks a POP3 message processed.
    if (action === "mark-seen" || action === "leave") return;
    throw new MailboxError("PROTOCOL", "POP3 mailboxes cannot move messages to a folder; use \"leave\"");
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.destroy());
  }

  private async readListing(): Promise<Entry[]> {
    const uidls = await this.client.uidl();
    const sizes = new Map((await this.client.list()).map((e) => [e.n, e.size]));
    return uidls
      .map((u) => ({ n: u.n, uidl: u.uidl, size: sizes.get(u.n) ?? 0 }))
      .sort((a, b) => a.n - b.n); // message numbers are in arrival order
  }
}

export async function openPop3Source(cfg: MailboxConfig): Promise<Pop3Source> {
  const client = await Pop3Client.connect({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    starttls: "auto",
    tls: { rejectUnauthorized: !cfg.allowInvalidCertificate, ...(cfg.caPem ? { ca: cfg.caPem } : {}) },
    timeoutMs: cfg.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  });
  try {
    await client.login(cfg.username, cfg.password);
  } catch (err) {
    client.destroy();
    throw err;
  }
  return new Pop3Source(client);
}
