// Cron: remove uploads never attached and stale spool files, 24 h on (server/services/uploads/cleanup.ts).
// Thin: verify the secret (fails closed) → run → JSON. Hourly is plenty:
//   curl -H "Authorization: Bearer $CRON_SECRET" https://support.example.com/cron/cleanup
import { cronRoute } from "@/server/cron/cron-route";

export const dynamic = "force-dynamic";
export const maxDuration = 300; // = CRON_MAX_DURATION_S.cleanup (server/cron/limits.ts)

const handler = cronRoute("cleanup");
export { handler as GET, handler as POST };
