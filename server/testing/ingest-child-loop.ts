// Test fixture of server/security/crash-safe-ingest.int.test.ts: runs the real ingest pass
// (`runIngest()`, default batching, no test hooks) in a loop until the mailbox is drained, in a
// child process the test kills with SIGKILL at random points. Inherits DATABASE_URL and DATA_DIR
// from the test worker (so the marker keys match). One JSON line per event on stdout:
// {"event":"start"} once the modules are loaded, {"event":"run",…summary} per pass, and
// {"event":"drained"} before a clean exit 0. A busy answer (a lease still held) is retried.
import { runIngest } from "@/server/mail/ingest/run-ingest";

const say = (o: Record<string, unknown>) => process.stdout.write(JSON.stringify(o) + "\n");

say({ event: "start", pid: process.pid });
try {
  for (;;) {
    const r = await runIngest();
    if (!r.configured) {
      say({ event: "unconfigured" });
      process.exit(2);
    }
    say({ event: "run", ...r });
    if (r.busy) {
      await new Promise((res) => setTimeout(res, 100));
      continue;
    }
    if (r.fetched === 0) break;
  }
  say({ event: "drained" });
  process.exit(0);
} catch (e) {
  say({ event: "error", message: String((e as Error)?.stack ?? e) });
  process.exit(1);
}
