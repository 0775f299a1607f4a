// `helpdesk cron:run <job>` runs every job the cron URLs run (issue 19), and prints its summary.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cronRun } from "@/bin/cli-cron";
import { parseArgs } from "@/server/cli-args";
import { CRON_MAX_DURATION_S } from "./limits";

afterEach(() => vi.restoreAllMocks());

async function printed(job: string): Promise<Record<string, unknown>> {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  await cronRun(parseArgs([job]));
  expect(log).toHaveBeenCalledTimes(1);
  return JSON.parse(String(log.mock.calls[0]![0])) as Record<string, unknown>;
}

describe("cron:run", () => {
  it.each([
    ["ticket_create", { configured: false }],
    ["ticket_replies", { configured: false }],
    ["deliver_mail", { claimed: 0 }],
    ["auto_close", { enabled: false }],
    ["cleanup", { uploads: 0, spool: 0 }],
  ])("runs %s and prints its summary", async (job, summary) => {
    expect(await printed(job)).toMatchObject({ job, ...summary });
  });

  it("knows every job a cron URL has, and refuses others with the list", async () => {
    await expect(cronRun(parseArgs(["nope"]))).rejects.toThrow(`usage: cron:run ${Object.keys(CRON_MAX_DURATION_S).join("|")}`);
    await expect(cronRun(parseArgs([]))).rejects.toThrow(/usage: cron:run/);
  });
});
