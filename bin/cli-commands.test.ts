import { describe, it, expect } from "vitest";
import { resolveKey } from "./cli-commands";
import { parseArgs } from "@/server/cli-args";
import { coerceCliValue } from "@/server/domain/settings/schema";

describe("admin CLI parsing", () => {
  it("parses flags and positionals", () => {
    expect(parseArgs(["--email", "a@b.c", "x=1", "--name=Ann"])).toEqual({ _: ["x=1"], flags: { email: "a@b.c", name: "Ann" } });
  });

  it.each([
    ["protocol", { group: "mail", key: "protocol" }],
    ["mail.port", { group: "mail", key: "port" }],
    ["allowGuestTickets", { group: "tickets", key: "allowGuestTickets" }],
    ["outbound.transport", { group: "outbound", key: "transport" }],
  ])("resolves %s", (k, expected) => {
    expect(resolveKey(k)).toEqual(expected);
  });

  it("refuses unknown keys", () => {
    expect(() => resolveKey("nope")).toThrow(/Unknown setting/);
    expect(() => resolveKey("mail.nope")).toThrow(/Unknown setting/);
  });

  it.each([
    ["tickets", "allowRating", "false", false],
    ["tickets", "allowRating", "yes", true],
    ["tickets", "maxUploadMb", "5", 5],
    ["tickets", "allowedFileTypes", "pdf, png", ["pdf", "png"]],
    ["tickets", "statusOnStaffReply", "none", "none"],
    ["tickets", "statusOnStaffReply", "3", 3],
    ["mail", "host", "imap.timeweb.ru", "imap.timeweb.ru"],
  ] as const)("coerces %s.%s=%s", (g, k, raw, expected) => {
    expect(coerceCliValue(g, k, raw)).toEqual(expected);
  });
});
