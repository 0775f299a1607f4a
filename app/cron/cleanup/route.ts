// Cron: remove uploads never attached and stale spool files, 24 h on (server/services/uploads/cleanup.ts).
// Thin: verify the secret (fails closed) → run → JSON. Hourly is plenty:
//   curl -H "Authorization: Bearer $CRON_SECRET" https://support.example.com/cron/cleanup
import { withCronAuth } from "@/server/cron/verify-cron";
import { runCleanup } from "@/server/services/uploads/cleanup";

export const dynamic = "force-dynamic";
export const maxDuration = 300; // = CRON_MAX_DURATION_S.cleanup (server/cron/limits.ts)

const handler = (req: Request) => withCronAuth(req, () => runCleanup());
export { handler as GET, handler as POST };
