// The direct API door's stand-in for next/server's after(): tasks queued inside the scope run
// once the response has finished, never before; outside a scope nothing is queued.
import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { scheduleAfterResponse, withAfterResponse } from "./after-response";

describe("after-response scope", () => {
  it("outside a scope a task is refused, so the caller falls back", () => {
    expect(scheduleAfterResponse(async () => {})).toBe(false);
  });

  it("a task queued in the scope runs on finish, not while the request is answered", async () => {
    const res = new EventEmitter();
    const ran: string[] = [];
    const out = await withAfterResponse((run) => res.once("finish", run), async () => {
      expect(scheduleAfterResponse(async () => void ran.push("task"))).toBe(true);
      await new Promise((r) => setImmediate(r));
      return "answer";
    });
    expect(out).toBe("answer");
    expect(ran).toEqual([]);
    res.emit("finish");
    await new Promise((r) => setImmediate(r));
    expect(ran).toEqual(["task"]);
  });

  it("a failing task is logged, not thrown into the server", async () => {
    const res = new EventEmitter();
    await withAfterResponse((run) => res.once("finish", run), async () => scheduleAfterResponse(async () => { throw new Error("boom"); }));
    expect(() => res.emit("finish")).not.toThrow();
    await new Promise((r) => setImmediate(r));
  });
});
