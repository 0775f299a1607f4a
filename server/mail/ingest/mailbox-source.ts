/**
 * Transport-neutral view of a mailbox for the ingest job: "give me the next messages after my
 * cursor", "mark this one done". IMAP (./imap-source) and POP3 (./pop3-source) implement it;
 * the ingest job never sees protocol details. The cursor itself lives in the database — the
 * mailbox is not the source of truth for "done" (shared/docs/mail.md).
 */
import { Pop3Error } from "./pop3-client";
import { MailboxError, type MailboxConfig, type MailboxErrorCode, type MailboxSource, type TestConnectionResult } from "./mailbox-types";

// the shapes moved to ./mailbox-types; re-exported for branches in flight

export async function openMailbox(cfg: MailboxConfig): Promise<MailboxSource> {
  // Dynamic imports keep the unused transport out of the load path (and out of unit tests).
  try {
    if (cfg.protocol === "imap") return await (await import("./imap-source")).openImapSource(cfg);
    if (cfg.protocol === "pop3") return await (await import("./pop3-source")).openPop3Source(cfg);
  } catch (err) {
    throw classifyMailboxError(err);
  }
  throw new MailboxError("PROTOCOL", `unknown mailbox protocol: ${String(cfg.protocol)}`);
}

/**
 * Logs in, opens the folder (IMAP) or reads STAT (POP3), and logs out. Never throws: the
 * result is what the settings page shows next to "Test connection".
 */
export async function testConnection(cfg: MailboxConfig): Promise<TestConnectionResult> {
  let source: MailboxSource | undefined;
  try {
    if (cfg.protocol === "imap") {
      const { openImapSource } = await import("./imap-source");
      const imap = await openImapSource(cfg);
      source = imap;
      return { ok: true, folder: imap.folder, messages: imap.messageCount };
    }
    if (cfg.protocol === "pop3") {
      const { openPop3Source } = await import("./pop3-source");
      const pop = await openPop3Source(cfg);
      source = pop;
      return { ok: true, folder: "INBOX", messages: await pop.messageCount() };
    }
    return { ok: false, code: "PROTOCOL", message: `unknown mailbox protocol: ${String(cfg.protocol)}` };
  } catch (err) {
    const e = classifyMailboxError(err);
    return { ok: false, code: e.code, message: e.message };
  } finally {
    await source?.close().catch(() => {});
  }
}

// Node's codes for a certificate that does not validate (see `tls` / OpenSSL verify errors).
const CERT_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "INVALID_CA",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
const CONNECT_CODES = new Set([
  "ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "EAI_AGAIN", "EPIPE",
  "NoConnection", "EConnectionClosed", "ClosedAfterConnectText", "ClosedAfterConnectTLS",
]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ETIMEOUT", "CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT"]);

/** Maps imapflow / POP3 / Node socket errors onto the five codes the UI knows. */
export function classifyMailboxError(err: unknown): MailboxError {
  if (err instanceof MailboxError) return err;
  const e = (err ?? {}) as {
    code?: string;
    message?: string;
    authenticationFailed?: boolean;
    responseText?: string;
    cause?: unknown;
  };
  const code = e.code ?? "";
  const text = e.responseText || e.message || String(err);
  const wrap = (c: MailboxErrorCode, msg: string) => new MailboxError(c, msg, { cause: err });
  if (CERT_CODES.has(code) || /certificate|self[- ]signed/i.test(e.message ?? "")) {
    return wrap(
      "CERTIFICATE",
      `The server's TLS certificate was not accepted (${code || text}). Add the server's CA certificate, or — if you trust this network — disable certificate validation.`,
    );
  }
  if (e.authenticationFailed || (err instanceof Pop3Error && err.stage === "auth")) {
    return wrap("AUTH", `Login failed: ${text}`);
  }
  if (TIMEOUT_CODES.has(code)) return wrap("TIMEOUT", `Timed out talking to the server (${code}): ${text}`);
  if (CONNECT_CODES.has(code)) return wrap("CONNECT", `Could not connect to the server (${code}): ${text}`);
  if (code.startsWith("ERR_SSL") || /wrong version number|packet length too long/i.test(text)) {
    // OpenSSL's text is "<hex>:error:<code>:SSL routines:<func>:<reason>:<file>:<line>:"
    const reason = /SSL routines:[^:]*:([^:]+):/.exec(text)?.[1] ?? text.trim();
    return wrap("PROTOCOL", `TLS handshake failed (${reason}). Check the port and the TLS setting.`);
  }
  return wrap("PROTOCOL", text);
}
