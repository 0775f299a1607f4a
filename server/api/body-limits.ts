// How large a tRPC request body may be, decided before it is read (ASVS 5.0 V15.2.2): anonymous
// callers get a small limit, signed-in ones a larger one, and the base64 upload procedure the
// configured upload size (maxUploadMb) in base64 — nothing more.
import type { Actor } from "@/server/domain/actor";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { ANONYMOUS_BODY_BYTES, SIGNED_IN_BODY_BYTES } from "./request-guards";

/** Characters of base64 for `bytes` bytes (with padding). */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

export async function trpcBodyLimit(actor: Actor, pathname: string): Promise<number> {
  if (actor.kind === "anonymous") return ANONYMOUS_BODY_BYTES;
  if (!pathname.includes("attachment.upload")) return SIGNED_IN_BODY_BYTES;
  const { maxUploadMb } = await loadSettings("tickets");
  // base64 plus line breaks (allowed in the input) and the JSON around it
  return base64Length(maxUploadMb * 1024 * 1024) * 1.02 + SIGNED_IN_BODY_BYTES;
}
