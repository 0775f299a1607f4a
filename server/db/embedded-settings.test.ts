// The embedded PostgreSQL's machine-sized settings (server/db/embedded.ts).
import { describe, it, expect } from "vitest";
import { sizedSettings, machineMemory } from "./embedded";

const MB = 1024 * 1024;
const buffers = (bytes: number) => sizedSettings(bytes).find((s) => s.startsWith("shared_buffers="));

describe("sizedSettings", () => {
  it.each([
    [0, "shared_buffers=128MB"],
    [256 * MB, "shared_buffers=128MB"],
    [1024 * MB, "shared_buffers=256MB"],
    [2000 * MB, "shared_buffers=496MB"],
    [8 * 1024 * MB, "shared_buffers=2048MB"],
    [24 * 1024 * MB, "shared_buffers=4096MB"],
    [256 * 1024 * MB, "shared_buffers=4096MB"],
  ])("%d bytes of memory → %s", (bytes, expected) => {
    expect(buffers(bytes)).toBe(expected);
  });

  it("passes each setting as its own -c flag, with fewer checkpoints", () => {
    const flags = sizedSettings(4096 * MB);
    expect(flags.filter((_, i) => i % 2 === 0).every((f) => f === "-c")).toBe(true);
    expect(flags).toContain("max_wal_size=4GB");
  });

  it("reads a memory size this machine has", () => {
    expect(machineMemory()).toBeGreaterThan(64 * MB);
  });
});
