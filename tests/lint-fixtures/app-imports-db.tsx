// linted as app/(staff)/staff/fixture/page.tsx: a page that skips the tRPC caller
import { db } from "@/server/db/client";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { listQuarantine } from "@/server/services/quarantine/quarantine";
import type { Tx } from "@/server/db/client"; // a type crosses: allowed

export async function Page(tx: Tx) {
  return [db, loadSettings, listQuarantine, tx];
}
