// Where a mailed ticket link (/t/<token>) goes while "require login" is on (issue 12.4): a guest
// link grants nothing then, so the visitor signs in — with a password or a one-time link mailed
// to the account the link names — and comes back to the ticket. Already signed in as that
// account: straight to the ticket. Require login off: null (the guest link works as before).
import { loadSettings } from "@/server/platform/settings/settings-store";
import { auth } from "./config";

export async function signInFirst(link: { ticketId: number; userId: number }, token: string): Promise<string | null> {
  if (!(await loadSettings("tickets")).requireLogin) return null;
  const ticket = `/tickets/${link.ticketId}`;
  if ((await auth())?.user?.id === link.userId) return ticket;
  return `/sign-in?next=${encodeURIComponent(ticket)}&link=${encodeURIComponent(token)}`;
}
