// Cron: mails for existing tickets → replies. Both mail cron URLs run the same single
// ingest pass (server/mail/ingest/run-ingest.ts), so nothing is skipped or processed twice.
import { cronRoute } from "@/server/cron/cron-route";

export const dynamic = "force-dynamic";
export const maxDuration = 300; // = CRON_MAX_DURATION_S.ticket_replies (server/cron/limits.ts)

const handler = cronRoute("ticket_replies");
export { handler as GET, handler as POST };
