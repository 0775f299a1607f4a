// auth.*: the pre-sign-in forms (sign-up, first-admin setup, forgotten password, password and
// confirmation links, sign-in links) and the signed-in account's own settings. Public ones are
// throttled per client address in the services; over HTTP the /api/trpc route's origin check
// applies, from pages the server action's. Answers carry translation keys, never account facts.
import { z } from "zod";
import { createTRPCRouter, publicProcedure, clientProcedure } from "../trpc";
import { clientIp } from "@/server/auth/client-ip";
import { safeNext } from "@/server/auth/safe-next";
import { LOCALE_COOKIE, isLocale, fromAcceptLanguage } from "@/server/i18n/locale";
import { requestPasswordReset } from "@/server/services/users/forgot-password";
import { signUpVisitor, setupOpen, setupFirstAdmin, passwordLinkValid, setPasswordByLink, linkAddress, confirmAddress, resendConfirmation, mailSignInLink } from "@/server/services/users/pre-auth";
import { changePassword, setOwnLocale } from "@/server/services/users/own-account";

// bounded like every anonymous input; the services check the real shape and answer field errors
const text = z.string().max(10_000);
const token = z.string().max(200);
const registration = z.object({ name: text, email: text, password: text });

function cookie(h: Headers, name: string): string | undefined {
  for (const part of (h.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** Who is asking: the client address (for throttles) and the language they see now. */
function visitor(h: Headers) {
  const chosen = cookie(h, LOCALE_COOKIE);
  return { ip: clientIp(h), locale: isLocale(chosen) ? chosen : fromAcceptLanguage(h.get("accept-language")) };
}

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(registration).mutation(({ ctx, input }) => signUpVisitor(input, visitor(ctx.headers))),
  setupOpen: publicProcedure.query(async () => ({ open: await setupOpen() })),
  setup: publicProcedure.input(registration).mutation(({ ctx, input }) => setupFirstAdmin(input, visitor(ctx.headers))),
  forgotPassword: publicProcedure.input(z.object({ email: text })).mutation(({ ctx, input }) => requestPasswordReset(input, visitor(ctx.headers).ip)),
  passwordLinkValid: publicProcedure.input(z.object({ token })).query(async ({ input }) => ({ valid: await passwordLinkValid(input.token) })),
  setPassword: publicProcedure.input(z.object({ token, password: text, confirm: text })).mutation(({ input }) => setPasswordByLink(input)),
  linkAddress: publicProcedure.input(z.object({ token, purpose: z.enum(["magic-link", "verify-email"]) })).query(async ({ input }) => ({ email: await linkAddress(input.token, input.purpose) })),
  confirmEmail: publicProcedure.input(z.object({ token, password: text })).mutation(({ ctx, input }) => confirmAddress(input, visitor(ctx.headers))),
  resendVerification: publicProcedure.input(z.object({ email: text })).mutation(({ ctx, input }) => resendConfirmation(input.email, visitor(ctx.headers))),
  requestMagicLink: publicProcedure
    .input(z.object({ email: text, link: text, next: text.nullish() }))
    .mutation(({ ctx, input }) => mailSignInLink({ ...input, next: safeNext(input.next) }, visitor(ctx.headers))),
  setLocale: publicProcedure.input(z.object({ locale: z.string().max(10) })).mutation(({ ctx, input }) => setOwnLocale(ctx.actor, input.locale)),
  changePassword: clientProcedure.input(z.object({ current: text, password: text })).mutation(({ ctx, input }) => changePassword(ctx.actor, input)),
});
