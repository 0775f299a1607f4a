// Cron: close tickets waiting for the customer too long. Thin: verify the secret → run → JSON.
import { withCronAuth } from "@/server/cron/verify-cron";
import { runAutoClose } from "@/server/services/tickets/auto-close";

export const dynamic = "force-dynamic";
export const maxDuration = 300; // = CRON_MAX_DURATION_S.auto_close (server/cron/limits.ts)

const handler = (req: Request) => withCronAuth(req, () => runAutoClose());
export { handler as GET, handler as POST };
