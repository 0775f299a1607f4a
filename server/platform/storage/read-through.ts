// The switch-over driver: new objects go to the primary (the bucket); a key the primary does not
// have is looked up in the old store (the local disk), so files not yet copied by
// `storage:migrate` stay readable while the copy runs. Deletes reach both.
import type { ByteRange, FileStorage } from "@/server/platform/storage/file-storage";

export class ReadThroughStorage implements FileStorage {
  constructor(readonly primary: FileStorage, readonly fallback: FileStorage) {}

  put(key: string, data: Buffer) {
    return this.primary.put(key, data);
  }

  putFile(key: string, sourcePath: string) {
    return this.primary.putFile(key, sourcePath);
  }

  async get(key: string) {
    return (await this.primary.get(key)) ?? this.fallback.get(key);
  }

  async open(key: string, range?: ByteRange) {
    return (await this.primary.open(key, range)) ?? this.fallback.open(key, range);
  }

  async stat(key: string) {
    return (await this.primary.stat(key)) ?? this.fallback.stat(key);
  }

  async delete(key: string) {
    await Promise.all([this.primary.delete(key), this.fallback.delete(key)]);
  }
}
