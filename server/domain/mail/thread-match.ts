// Which ticket does an incoming mail belong to, and may its sender add to it? Pure decisions in
// the order of docs/mail.md: our Message-ID in In-Reply-To/References → plus-token in the
// recipient address → signed ticket string in the body → subject token. The caller records
// `rule` with the message so staff can see why it was threaded.
import { sameAddress } from "./addresses";
import { findSubjectToken, findTicketInReferences, findTicketRefInText, parsePlusAddress, type MarkerKey } from "./markers";
import { findLegacyBodyId, findLegacySubjectId, hasSignedShapedRef, type LegacyThreading } from "./legacy-thread";

/** "legacy": an unsigned reference of an imported helpdesk's old notification (legacy-thread.ts) */
export type ThreadRule = "message-id" | "plus-token" | "ticket-string" | "legacy" | "subject";

export interface ThreadMatchInput {
  inReplyTo?: string;
  references?: string | string[];
  toAddresses: string[];
  /** The full plain-text body, quote included: the ticket string normally sits in the quote. */
  text: string;
  subject: string;
}

export interface ThreadMatch {
  ticketId: number | null;
  rule: ThreadRule | null;
  /** A body marker was present but its HMAC did not verify. */
  forged: boolean;
}

export function matchThread(input: ThreadMatchInput, ctx: { key: MarkerKey; ticketStrings: string[]; legacy?: LegacyThreading | null }): ThreadMatch {
  const byRef = findTicketInReferences(input.inReplyTo, input.references, ctx.key);
  if (byRef !== null) return { ticketId: byRef, rule: "message-id", forged: false };

  for (const to of input.toAddresses) {
    const id = parsePlusAddress(to, ctx.key);
    if (id !== null) return { ticketId: id, rule: "plus-token", forged: false };
  }

  const ref = findTicketRefInText(input.text, ctx.ticketStrings, ctx.key);
  if (ref.id !== null) return { ticketId: ref.id, rule: "ticket-string", forged: false };
  const legacy = ctx.legacy ? legacyMatch(input, ctx.legacy, ref.forged ? ctx.ticketStrings : null) : null;
  if (legacy !== null) return { ticketId: legacy, rule: "legacy", forged: false };
  // A mail that claims a ticket with a bad signature is not given a second chance through the
  // (unsigned) subject token: forged markers never reach the original ticket.
  if (ref.forged) return { ticketId: null, rule: null, forged: true };

  const bySubject = findSubjectToken(input.subject);
  if (bySubject !== null) return { ticketId: bySubject, rule: "subject", forged: false };
  return { ticketId: null, rule: null, forged: false };
}

/**
 * An old notification's reference to an imported ticket. When our own ticket string flagged the
 * body as forged, that is forgiven only if no line carried a signature at all (an old mail has
 * none; a wrong signature stays forged) and the body itself names an imported ticket.
 */
function legacyMatch(input: ThreadMatchInput, legacy: LegacyThreading, forgedBy: string[] | null): number | null {
  const body = findLegacyBodyId(input.text, legacy);
  if (forgedBy) {
    const unsignedOnly = !hasSignedShapedRef(input.text, [...forgedBy, ...legacy.ticketStrings]);
    // the first unsigned line of our own string must itself name an imported ticket
    const ownUnsigned = findLegacyBodyId(input.text, { ...legacy, ticketStrings: forgedBy, maxTicketId: 9_999_999_999 });
    return unsignedOnly && body !== null && ownUnsigned !== null && ownUnsigned <= legacy.maxTicketId ? body : null;
  }
  return body ?? findLegacySubjectId(input.subject, legacy);
}

/** The requester, a known CC or a staff member may add to a ticket; anyone else may not. */
export function senderMayReply(opts: {
  sender: string;
  requesterEmail: string;
  ccEmails: string[];
  isStaff: boolean;
}): boolean {
  if (opts.isStaff) return true;
  if (sameAddress(opts.sender, opts.requesterEmail)) return true;
  return opts.ccEmails.some((cc) => sameAddress(opts.sender, cc));
}
