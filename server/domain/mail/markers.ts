// Signed ticket references carried by outgoing mail, and their verification on the way back.
// Every reference a stranger could type (body marker, plus-address, Message-ID) carries a
// truncated HMAC-SHA256 so that knowing a ticket number is not enough to post into it
// (Zammad #5064, #2444). Each kind signs a differently-labelled message, so one kind of token
// cannot be replayed as another. The subject token is the only unsigned one: the sender check
// in thread-match is what protects it.
import crypto from "node:crypto";
import { normaliseAddress, splitAddress } from "./addresses";

export type MarkerKey = Buffer | string;

function mac(key: MarkerKey, label: string, hexChars: number): string {
  return crypto.createHmac("sha256", key).update(label).digest("hex").slice(0, hexChars);
}

function safeEqualHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given.toLowerCase(), "utf8");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Ids are positive integers that survive a round trip through Number. */
function parseId(digits: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

function assertId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`invalid ticket id: ${id}`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---- body marker: "## Ticket ID: 1042-7fa3c1" -------------------------------------------------

/** `1042` → `"1042-7fa3c1"`: id, dash, 6 hex chars of HMAC("ticket:<id>"). */
export function signTicketRef(id: number, key: MarkerKey): string {
  assertId(id);
  return `${id}-${mac(key, `ticket:${id}`, 6)}`;
}

/** The id of a correctly signed reference, else null. Hex is accepted in either case. */
export function verifyTicketRef(ref: string, key: MarkerKey): number | null {
  const m = /^\s*(\d+)-([0-9a-f]{6})\s*$/i.exec(ref ?? "");
  if (!m) return null;
  const id = parseId(m[1]!);
  if (id === null) return null;
  return safeEqualHex(mac(key, `ticket:${id}`, 6), m[2]!) ? id : null;
}

/** `("## Ticket ID:", 1042)` → `"## Ticket ID: 1042-7fa3c1"`. */
export function ticketStringLine(ticketString: string, id: number, key: MarkerKey): string {
  return `${ticketString.trim()} ${signTicketRef(id, key)}`;
}

/**
 * Looks for `<ticket string> <id>-<hmac>` at the start of a line, possibly behind `>` quote
 * marks. The first verified reference wins. A marker whose HMAC is wrong or missing makes the
 * result `forged` (when nothing verified was found) so the caller can refuse to thread it.
 */
export function findTicketRefInText(
  text: string,
  ticketStrings: string[],
  key: MarkerKey,
): { id: number | null; forged: boolean } {
  const strings = ticketStrings.map((s) => s.trim()).filter((s) => s !== "");
  if (!text || strings.length === 0) return { id: null, forged: false };
  // Spaces in the configured string may come back as NBSP or be re-wrapped by the client.
  const alternatives = strings.map((s) => escapeRe(s).replace(/\s+/g, "\\s+")).join("|");
  const re = new RegExp(`^[> \\t\\u00a0]*(?:${alternatives})[ \\t\\u00a0]*(\\d+)(?:-([0-9a-fA-F]+))?`, "gimu");
  let forged = false;
  for (const m of text.replace(/\r\n?/g, "\n").matchAll(re)) {
    const id = m[2] ? verifyTicketRef(`${m[1]}-${m[2]}`, key) : null;
    if (id !== null) return { id, forged: false };
    forged = true;
  }
  return { id: null, forged };
}

// ---- Message-ID: <ticket-1042.<random>.<hmac8>@domain> -----------------------------------------

export function makeMessageId(opts: { ticketId: number; domain: string; key: MarkerKey; random: string }): string {
  const { ticketId, domain, key, random } = opts;
  assertId(ticketId);
  // The random part is the caller's (keeps this module pure); it must not break the id grammar.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(random)) throw new RangeError("random must be 1-64 chars of [A-Za-z0-9_-]");
  if (!/^[A-Za-z0-9.-]+$/.test(domain)) throw new RangeError(`invalid message-id domain: ${domain}`);
  return `<ticket-${ticketId}.${random}.${mac(key, `msgid:${ticketId}.${random}`, 8)}@${domain}>`;
}

/** The ticket id of a Message-ID we generated (HMAC verified); null for anything else, "" included. */
export function parseOwnMessageId(id: string, key: MarkerKey): number | null {
  const m = /^\s*<?ticket-(\d+)\.([A-Za-z0-9_-]{1,64})\.([0-9a-f]{8})@[^\s<>@]+>?\s*$/i.exec(id ?? "");
  if (!m) return null;
  const ticketId = parseId(m[1]!);
  if (ticketId === null) return null;
  return safeEqualHex(mac(key, `msgid:${ticketId}.${m[2]}`, 8), m[3]!) ? ticketId : null;
}

function messageIds(value: string | string[] | undefined): string[] {
  const parts = Array.isArray(value) ? value : value ? [value] : [];
  const out: string[] = [];
  for (const p of parts) {
    const angled = [...p.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
    // Some clients drop the brackets; fall back to whitespace-separated tokens.
    out.push(...(angled.length > 0 ? angled : p.split(/[\s,]+/).filter((t) => t !== "")));
  }
  return out;
}

/**
 * The ticket of the first of our Message-IDs found in In-Reply-To, then in References from the
 * newest (last) to the oldest, since a long thread may have been re-parented by the client.
 */
export function findTicketInReferences(
  inReplyTo: string | undefined,
  references: string | string[] | undefined,
  key: MarkerKey,
): number | null {
  for (const id of [...messageIds(inReplyTo), ...messageIds(references).reverse()]) {
    const ticketId = parseOwnMessageId(id, key);
    if (ticketId !== null) return ticketId;
  }
  return null;
}

// ---- plus-address: support+t1042-<hmac6>@example.com -------------------------------------------

/** `("support@example.com", 1042)` → `"support+t1042-<hmac6>@example.com"`. An existing +tag is replaced. */
export function plusAddress(mailbox: string, id: number, key: MarkerKey): string {
  assertId(id);
  const parts = splitAddress(mailbox);
  if (!parts) throw new RangeError(`invalid mailbox address: ${mailbox}`);
  const base = parts.local.split("+")[0]!;
  return `${base}+t${id}-${mac(key, `plus:${id}`, 6)}@${parts.domain}`;
}

/** The ticket id of a verified plus-address (display name allowed); null otherwise. */
export function parsePlusAddress(address: string, key: MarkerKey): number | null {
  const m = /\+t(\d+)-([0-9a-f]{6})@/i.exec(normaliseAddress(address));
  if (!m) return null;
  const id = parseId(m[1]!);
  if (id === null) return null;
  return safeEqualHex(mac(key, `plus:${id}`, 6), m[2]!) ? id : null;
}

// ---- subject token: [#1042] --------------------------------------------------------------------

export function subjectToken(id: number): string {
  assertId(id);
  return `[#${id}]`;
}

/** The id in the first `[#<id>]` of the subject, else null. Unsigned: pair it with the sender check. */
export function findSubjectToken(subject: string): number | null {
  const m = /\[#(\d+)\]/.exec(subject ?? "");
  return m ? parseId(m[1]!) : null;
}
