// Test fixture: one ingest run in a child process, so a test can SIGKILL it mid-run.
// Started by ingest-runs.int.test.ts with DATABASE_URL / DATA_DIR of the test worker.
import { runIngest } from "./run-ingest";

// slow each commit down a little so the parent can kill between and inside transactions
await runIngest({ afterMail: () => new Promise((r) => setTimeout(r, 20)) });
process.exit(0);
