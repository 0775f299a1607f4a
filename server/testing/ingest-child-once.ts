// Test fixture: one ingest run in a child process, so a test can SIGKILL it mid-run.
// Started by server/mail/ingest/ingest-runs.int.test.ts with DATABASE_URL / DATA_DIR of the test worker.
import { runIngest } from "@/server/mail/ingest/run-ingest";

// batches of 5 mails, each mail slowed down a little inside the transaction, so the parent's
// kill lands inside a batch (or between two)
await runIngest({ batchMails: 5, duringBatch: () => new Promise((r) => setTimeout(r, 20)) });
process.exit(0);
