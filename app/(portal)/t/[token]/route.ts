// GET /t/<signed token> — the ticket link from a guest's mail. A valid link sets the
// hd_guest cookie (httpOnly, sameSite lax) and opens the ticket; a bad or expired one sends
// the visitor to sign in. The cookie is verified again on every request (server/auth/actor.ts).
import { NextResponse } from "next/server";
import { verifyLink, GUEST_COOKIE } from "@/server/auth/signed-links";
import { env } from "@/server/env";
import { signInFirst } from "@/server/auth/sign-in-first";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = verifyLink("ticket", token);
  const base = env().APP_URL;
  if (!link) return NextResponse.redirect(new URL("/sign-in?reason=link", base), 303);
  const gate = await signInFirst(link, token);
  if (gate) return NextResponse.redirect(new URL(gate, base), 303);
  const res = NextResponse.redirect(new URL(`/tickets/${link.ticketId}`, base), 303);
  res.cookies.set(GUEST_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: base.startsWith("https://"),
    path: "/",
    maxAge: 30 * 86400,
  });
  return res;
}
