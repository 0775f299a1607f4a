// Where to send the browser after sign-in (`next`): only a path on this site (ASVS 5.0 V3.7.2).
// The value is resolved against APP_URL the way a browser would, and kept only when it stays on
// APP_URL's origin. Tabs, CR/LF (the URL parser drops them, so "/\t/evil.example" becomes
// "//evil.example") and backslashes (read as "/") are refused before parsing, and the result is
// checked again, because "/..//x" normalizes to the protocol-relative "//x".
import { env } from "@/server/env";

const MAX_LENGTH = 2048;

function hasControlOrBackslash(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c) return true;
  }
  return false;
}

/** The same-origin path + query + fragment `raw` points to, or null. Pure: `appUrl` is the site. */
export function sameOriginPath(raw: unknown, appUrl: string): string | null {
  if (typeof raw !== "string" || raw === "" || raw.length > MAX_LENGTH) return null;
  // control characters (tab, CR, LF, NUL…), backslashes, and "//" up front
  if (hasControlOrBackslash(raw) || !raw.startsWith("/") || raw.startsWith("//")) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(appUrl);
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username !== "" || url.password !== "") return null;
  const out = url.pathname + url.search + url.hash;
  // "/%2F%2Fevil" is a path here, but a proxy or router that decodes it would see "//evil"
  if (out.startsWith("//") || /^\/(%2f|%5c)/i.test(out)) return null;
  return out;
}

/** `next` from a sign-in form, or null for "the default page". */
export function safeNext(v: FormDataEntryValue | null | undefined): string | null {
  return sameOriginPath(typeof v === "string" ? v : null, env().APP_URL);
}
