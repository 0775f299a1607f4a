// Storage commands of the admin CLI. `storage:migrate` moves an install from the local disk to
// an S3-compatible bucket without downtime; see README "Files in S3-compatible storage".
import type { Args, CommandTable } from "@/server/cli-args";
import { env, uploadDir } from "@/server/env";
import { LocalDiskStorage } from "@/server/platform/storage/local-disk";
import { S3Storage, s3ConfigFromEnv } from "@/server/platform/storage/s3-storage";
import { migrateStorage } from "@/server/services/uploads/migrate-storage";

function bucket(): S3Storage {
  const e = env();
  if (!e.S3_BUCKET) throw new Error("set S3_BUCKET (and S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE as needed) first");
  return new S3Storage(s3ConfigFromEnv(e));
}

async function storageCheck() {
  const b = bucket();
  await b.check();
  console.log(`bucket ${b.config.bucket} is reachable with these credentials`);
}

async function storageMigrate(a: Args) {
  const to = bucket();
  await to.check();
  const from = new LocalDiskStorage(uploadDir());
  console.log(`copying ${from.root} → bucket ${to.config.bucket}…`);
  const sum = await migrateStorage(from, to, { removeLocal: a.flags["remove-local"] === true, log: (s) => console.error(s) });
  console.log(`copied ${sum.copied}, already there ${sum.skipped}, failed ${sum.failed.length}${sum.removedLocal ? `, removed locally ${sum.removedLocal}` : ""}`);
  if (sum.failed.length) throw new Error("some files were not copied: run storage:migrate again");
  if (env().STORAGE !== "s3") console.log("next: set STORAGE=s3 on every instance and restart them, then run storage:migrate once more");
}

export const storageCommands: CommandTable = {
  "storage:check": { help: "check that the S3 bucket (S3_* variables) is reachable", run: storageCheck },
  "storage:migrate": { help: "[--remove-local]  copy UPLOAD_DIR into the S3 bucket (safe to repeat)", run: storageMigrate },
};
