// Cron: close tickets waiting for the customer too long. Thin: verify the secret → run → JSON.
import { cronRoute } from "@/server/cron/cron-route";

export const dynamic = "force-dynamic";
export const maxDuration = 300; // = CRON_MAX_DURATION_S.auto_close (server/cron/limits.ts)

const handler = cronRoute("auto_close");
export { handler as GET, handler as POST };
