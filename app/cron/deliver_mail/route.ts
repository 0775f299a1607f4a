// Cron: deliver due outbox mail (Vercel Cron, system cron with wget/curl). Thin: verify → run → JSON.
//   wget -qO- "https://support.example.com/cron/deliver_mail?token=$CRON_SECRET"
//   curl -H "Authorization: Bearer $CRON_SECRET" https://support.example.com/cron/deliver_mail
import { handleDeliverCron } from "@/server/mail/outbound/cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60; // = CRON_MAX_DURATION_S.deliver_mail (server/cron/limits.ts)

export function GET(req: Request) {
  return handleDeliverCron(req);
}

export function POST(req: Request) {
  return handleDeliverCron(req);
}
