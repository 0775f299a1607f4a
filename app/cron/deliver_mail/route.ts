// Cron: deliver due outbox mail (Vercel Cron, system cron with wget/curl). Thin: verify → run → JSON.
//   wget -qO- "https://support.example.com/cron/deliver_mail?token=$CRON_SECRET"
//   curl -H "Authorization: Bearer $CRON_SECRET" https://support.example.com/cron/deliver_mail
import { cronRoute } from "@/server/cron/cron-route";

export const dynamic = "force-dynamic";
export const maxDuration = 60; // = CRON_MAX_DURATION_S.deliver_mail (server/cron/limits.ts)

const handler = cronRoute("deliver_mail");
export { handler as GET, handler as POST };
