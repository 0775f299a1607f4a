// Per-user limits on the costly things a signed-in user can repeat (ASVS 5.0 V2.4.1): Markdown
// previews and file uploads. Same PostgreSQL store as the login limits (rate-limit.ts), so every
// app instance counts together.
import { limiter, take } from "./rate-limit";
import { DomainError } from "@/server/domain/errors";

export const ABUSE_LIMITS = {
  /** the preview tab re-renders on every switch; 60 a minute is far above a person's pace */
  markdownPreview: () => limiter("markdown_preview_user", 60, 60),
  /** files per user per hour (a ticket takes at most a handful) */
  uploads: () => limiter("upload_user", 60, 60 * 60),
};

export const tooManyRequests = () => new DomainError("TOO_MANY_REQUESTS", "RATE_LIMITED");

/** Takes one point for `userId` or throws TOO_MANY_REQUESTS. */
export async function takeOrThrow(which: keyof typeof ABUSE_LIMITS, userId: number): Promise<void> {
  if (!(await take(ABUSE_LIMITS[which](), String(userId)))) throw tooManyRequests();
}
