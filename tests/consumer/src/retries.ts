// Timeouts and retries without a helpdesk: a local server that accepts requests and never
// answers. A read is tried 1 + retries times and fails with TIMEOUT; a write is tried once.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHelpdeskClient, HelpdeskError } from "@helpdesk/client";

const seen: string[] = [];
const server = http.createServer((req) => void seen.push(`${req.method} ${req.url?.split("?")[0]}`));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const hd = createHelpdeskClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, "hd_nothing", { timeoutMs: 200, retries: 2, retryDelayMs: () => 0 });

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "no error";
  } catch (e) {
    return e instanceof HelpdeskError ? e.code : String(e);
  }
}

const read = await codeOf(hd.ticket.list.query({ limit: 1 }));
const readAttempts = seen.length;
const write = await codeOf(hd.ticket.reply.mutate({ ticketId: 1, body: "never sent twice" }));
const writeAttempts = seen.length - readAttempts;
const controller = new AbortController();
const aborted = codeOf(hd.ticket.byId.query({ id: 1 }, { signal: controller.signal }));
controller.abort();
console.log(JSON.stringify({ read, readAttempts, write, writeAttempts, aborted: await aborted, paths: [...new Set(seen)] }));
server.closeAllConnections();
server.close();
