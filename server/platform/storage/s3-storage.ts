// S3-compatible driver of FileStorage (AWS S3, Cloudflare R2, MinIO, Yandex Object Storage)
// through the AWS SDK v3. Objects are private; downloads still go through the app's routes,
// which authorize each one and stream the bytes (no public or presigned URLs leave the app).
// The SDK is loaded on first use, so installs on the local disk never pay for it.
import fs from "node:fs";
import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import type { Env } from "@/server/env";
import type { ByteRange, FileStorage } from "@/server/platform/storage/file-storage";
import { assertStorageKey } from "@/server/platform/storage/storage-key";

export type S3Config = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

export function s3ConfigFromEnv(e: Env): S3Config {
  return {
    bucket: e.S3_BUCKET!,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
  };
}

/** Parts of a multipart upload; objects up to one part go up in a single PUT. */
const PART_BYTES = 8 * 1024 * 1024;

const notFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
};

export class S3Storage implements FileStorage {
  private client: Promise<S3Client> | undefined;

  constructor(readonly config: S3Config) {}

  private sdk() {
    return import("@aws-sdk/client-s3");
  }

  private s3(): Promise<S3Client> {
    return (this.client ??= this.sdk().then(({ S3Client }) => new S3Client({
      region: this.config.region,
      endpoint: this.config.endpoint,
      forcePathStyle: this.config.forcePathStyle,
      credentials: this.config.credentials,
      // checksums only where the API demands them: R2, MinIO and others differ in the rest
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    })));
  }

  private async upload(key: string, body: Buffer | Readable): Promise<void> {
    const [{ Upload }, client] = await Promise.all([import("@aws-sdk/lib-storage"), this.s3()]);
    const params = { Bucket: this.config.bucket, Key: assertStorageKey(key), Body: body, ContentType: "application/octet-stream" };
    await new Upload({ client, params, partSize: PART_BYTES, queueSize: 2, leavePartsOnError: false }).done();
  }

  put(key: string, data: Buffer): Promise<void> {
    return this.upload(key, data);
  }

  putFile(key: string, sourcePath: string): Promise<void> {
    return this.upload(key, fs.createReadStream(sourcePath));
  }

  async open(key: string, range?: ByteRange): Promise<{ stream: Readable; size: number } | null> {
    const [{ GetObjectCommand }, client] = await Promise.all([this.sdk(), this.s3()]);
    const Range = range ? `bytes=${range.start}-${range.end ?? ""}` : undefined;
    try {
      const r = await client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: assertStorageKey(key), Range }));
      // "bytes 0-9/1234": the whole object's size follows the slash
      const total = r.ContentRange ? Number(r.ContentRange.split("/")[1]) : r.ContentLength;
      return { stream: r.Body as Readable, size: Number(total ?? 0) };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const [{ GetObjectCommand }, client] = await Promise.all([this.sdk(), this.s3()]);
    try {
      const r = await client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: assertStorageKey(key) }));
      return Buffer.from(await r.Body!.transformToByteArray());
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const [{ HeadObjectCommand }, client] = await Promise.all([this.sdk(), this.s3()]);
    try {
      const r = await client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: assertStorageKey(key) }));
      return { size: Number(r.ContentLength ?? 0) };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    const [{ DeleteObjectCommand }, client] = await Promise.all([this.sdk(), this.s3()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: assertStorageKey(key) }));
  }

  /**
   * Fails with the store's answer when the bucket is unreachable or missing or the keys are
   * wrong: asks for an object that does not exist (only the permission the app needs anyway).
   */
  async check(): Promise<void> {
    if ((await this.stat("00/storage-check-probe-key")) !== null) return;
  }
}
