// Cron: mails for existing tickets → replies. Both mail cron URLs run the same single
// ingest pass (server/mail/ingest/run-ingest.ts), so nothing is skipped or processed twice.
import { handleMailCron } from "@/server/mail/ingest/cron-handler";

export const dynamic = "force-dynamic";
export const maxDuration = 300; // = CRON_MAX_DURATION_S.ticket_replies (server/cron/limits.ts)

const handler = (req: Request) => handleMailCron(req, "ticket_replies");
export { handler as GET, handler as POST };
