// Is an incoming mail machine-generated? Implements the list in docs/mail.md. Automatic mail is
// still stored on its ticket, but must never notify, auto-reply, reopen or change status:
// answering an auto-reply with an auto-reply is how mail loops start (Zammad #5113).
import { normaliseAddress, stripPlusTag } from "./addresses";

export type HeaderBag = Map<string, string | string[]> | Record<string, string | string[] | undefined>;
export type AutomaticKind = "auto-reply" | "bounce" | "list" | "own";

export interface AutomaticVerdict {
  automatic: boolean;
  kind: AutomaticKind | null;
  /** Which rule fired, for the log and the staff view, e.g. `"Auto-Submitted: auto-replied"`. */
  reason: string | null;
}

/** Header lookup by lower-cased name; arrays (repeated headers) are kept as all their values. */
function headerReader(headers: HeaderBag): (name: string) => string[] | null {
  const map = new Map<string, string[]>();
  const entries: Iterable<[string, string | string[] | undefined]> =
    headers instanceof Map ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value === undefined || value === null) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v));
    const k = name.toLowerCase();
    map.set(k, [...(map.get(k) ?? []), ...values]);
  }
  return (name) => map.get(name) ?? null;
}

const verdict = (kind: AutomaticKind, reason: string): AutomaticVerdict => ({ automatic: true, kind, reason });

export function classifyAutomatic(
  headers: HeaderBag,
  opts: { ownAddresses: string[]; contentType?: string; from?: string },
): AutomaticVerdict {
  const get = headerReader(headers);
  const first = (name: string) => get(name)?.[0]?.trim() ?? null;

  const from = normaliseAddress(opts.from ?? first("from"));
  // Sub-addresses of our own mailboxes are still us (a forwarded notification coming back).
  if (from && opts.ownAddresses.some((own) => own.trim() !== "" && stripPlusTag(own) === stripPlusTag(from))) {
    return verdict("own", `From is our own address (${from})`);
  }

  if (get("x-failed-recipients")) return verdict("bounce", "X-Failed-Recipients present");
  const returnPath = get("return-path");
  // "<>" is the null reverse-path of bounces; some parsers hand it over with the brackets stripped.
  if (returnPath && returnPath.some((v) => /^\s*<?\s*>?\s*$/.test(v))) return verdict("bounce", "Return-Path: <>");
  const local = from.split("@")[0] ?? "";
  if (from.includes("@") && (local === "mailer-daemon" || local === "postmaster")) {
    return verdict("bounce", `From ${local}@`);
  }
  const contentType = opts.contentType ?? first("content-type") ?? "";
  if (/report-type\s*=\s*"?delivery-status/i.test(contentType)) {
    return verdict("bounce", "report-type=delivery-status");
  }
  // Read receipts and abuse reports are multipart/report too, and just as automatic.
  if (/^\s*multipart\/report\b/i.test(contentType)) return verdict("auto-reply", "Content-Type: multipart/report");

  const autoSubmitted = get("auto-submitted");
  if (autoSubmitted) {
    // "no" may carry a comment or parameters: `no (manual)`, `no; x=y`.
    const token = (autoSubmitted[0] ?? "").trim().split(/[\s;(]/)[0]!.toLowerCase();
    if (token !== "no") return verdict("auto-reply", `Auto-Submitted: ${autoSubmitted[0]!.trim() || "(empty)"}`);
  }
  for (const name of ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"]) {
    if (get(name.toLowerCase())) return verdict("auto-reply", `${name} present`);
  }

  const precedence = (first("precedence") ?? "").split(/[\s;(]/)[0]!.toLowerCase();
  if (precedence === "auto_reply") return verdict("auto-reply", "Precedence: auto_reply");
  if (precedence === "bulk" || precedence === "junk" || precedence === "list") {
    return verdict("list", `Precedence: ${precedence}`);
  }
  if (get("list-id")) return verdict("list", "List-Id present");
  if (get("list-unsubscribe")) return verdict("list", "List-Unsubscribe present");

  return { automatic: false, kind: null, reason: null };
}
