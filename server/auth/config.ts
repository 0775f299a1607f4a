// Auth.js (next-auth 5) with email + password. JWT cookie holding only a server-side session
// id (server/auth/sessions.ts), checked against the database on every request.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { db } from "@/server/db/client";
import { secrets } from "@/server/secrets";
import { env } from "@/server/env";
import { authenticate } from "./authenticate";
import { createSession, validateSession, revokeSession, SESSION_MAX_AGE_S, type SessionUser } from "./sessions";
import { clientIp } from "./client-ip";
import { logger } from "@/server/logger";
import { consumeMagicLink } from "@/server/services/users/magic-link";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
/** right password, address not confirmed yet: the page offers to resend the link */
class Unverified extends CredentialsSignin {
  code = "unverified";
}

declare module "next-auth" {
  interface Session {
    user: SessionUser & { image?: null };
  }
  interface User {
    sid?: string;
  }
}

function config(): NextAuthConfig {
  return {
    secret: secrets().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    // A wrong password is an expected answer, not a server error: without this Auth.js prints a
    // stack trace per failed sign-in, which floods the log during a brute-force attempt.
    logger: {
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        logger.error("auth error", { error: String(error.stack ?? error) });
      },
    },
    useSecureCookies: env().APP_URL.startsWith("https://"),
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(creds) {
          const h = await headers();
          const r = await authenticate(String(creds?.email ?? ""), String(creds?.password ?? ""), clientIp(h));
          if (!r.ok) {
            if (r.reason === "RATE_LIMITED") throw new RateLimited();
            if (r.reason === "UNVERIFIED") throw new Unverified();
            return null;
          }
          const sid = await createSession(db(), r.userId, r.version);
          return { id: String(r.userId), sid };
        },
      }),
      // a one-time sign-in link mailed to a customer (server/services/users/magic-link.ts)
      Credentials({
        id: "magic-link",
        credentials: { token: {} },
        async authorize(creds) {
          const r = await consumeMagicLink(db(), String(creds?.token ?? "").slice(0, 200));
          if (!r) return null;
          const sid = await createSession(db(), r.userId, r.version);
          return { id: String(r.userId), sid };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.sid) return { sid: user.sid, sub: user.id };
        if (typeof token.sid !== "string") return null;
        return token;
      },
      async session({ session, token }) {
        const u = typeof token.sid === "string" ? await validateSession(db(), token.sid) : null;
        // an invalid session row yields a session without a user: callers treat it as signed out
        return { ...session, user: (u ?? undefined) as never };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await revokeSession(db(), sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
