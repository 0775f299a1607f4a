"use server";
// The one step that sets the guest cookie: a POST from the confirm page (Next checks that a
// Server Action's Origin is this site), never the GET of the link itself — so another site cannot
// sign a visitor in to the attacker's ticket by loading a link (login CSRF, ASVS 5.0 V3.5.3).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { verifyLink, GUEST_COOKIE } from "@/server/auth/signed-links";
import { env } from "@/server/env";
import { signInFirst } from "@/server/auth/sign-in-first";

export async function openGuestTicket(token: string): Promise<void> {
  const link = verifyLink("ticket", token);
  if (!link) redirect("/sign-in?reason=link");
  const gate = await signInFirst(link, token);
  if (gate) redirect(gate);
  (await cookies()).set(GUEST_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: 30 * 86400,
  });
  redirect(`/tickets/${link.ticketId}`);
}
