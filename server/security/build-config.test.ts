// Builds type-check (the review's point 11; ASVS 5.0 V15.3.5, types enforced where they ship):
// `npm run build` — the README's deploy step — is `next build`, and next.config.ts must not
// switch its type-check off, so a deploy cannot ship a type error.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config from "@/next.config";

const root = path.resolve(import.meta.dirname, "../..");

describe("ASVS 5.0 V15.3.5: deploy builds type-check", () => {
  it("next.config.ts keeps the build's type-check on", () => {
    expect(config.typescript?.ignoreBuildErrors ?? false).toBe(false);
  });

  it("the README's deploy step is `npm run build`, which runs `next build`", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/^next build\b/);
    expect(fs.readFileSync(path.join(root, "README.md"), "utf8")).toContain("npm run build");
  });
});
