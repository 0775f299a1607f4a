// After Auth.js has signed someone in inside a server action: where they land and which
// language they keep. The action's tRPC context was built before the sign-in (anonymous), so
// this is read here, beside the sign-in itself, for the account whose credentials just worked.
import { db } from "@/server/db/client";

export async function landingOf(who: { email: string } | { id: number }): Promise<{ staff: boolean; locale: string } | null> {
  const where = "email" in who ? { email: who.email.trim().toLowerCase() } : who;
  const user = await db().user.findUnique({ where, select: { role: true, locale: true } });
  return user ? { staff: user.role !== "CUSTOMER", locale: user.locale } : null;
}
