// Work to run once the response has gone out, for requests answered outside Next (bin/serve.ts's
// direct API path), where next/server's after() has no request scope. The door that answers the
// request opens the scope; kickDelivery asks here first and falls back to after().
import { AsyncLocalStorage } from "node:async_hooks";
import { logger } from "@/server/logger";

type Task = () => Promise<void>;
const scope = new AsyncLocalStorage<Task[]>();

/** Runs `fn` with a scope whose tasks start when `onFinish` fires (the response's "finish"). */
export function withAfterResponse<T>(onFinish: (run: () => void) => void, fn: () => Promise<T>): Promise<T> {
  const tasks: Task[] = [];
  onFinish(() => {
    for (const t of tasks.splice(0)) void t().catch((e) => logger.error("after-response task failed", { error: String(e) }));
  });
  return scope.run(tasks, fn);
}

/** Queues `task` for after the response; false when no such scope is open (the caller falls back). */
export function scheduleAfterResponse(task: Task): boolean {
  const tasks = scope.getStore();
  if (!tasks) return false;
  tasks.push(task);
  return true;
}
