// One measure under load: autocannon at a fixed concurrency, a warm-up first, then the timed
// run. Non-2xx answers are counted and make the measure invalid (a fast error is no result).
import autocannon from "autocannon";
import { cpuMeter, type CpuSplit } from "./cpu";

/** `cpu`: ms of CPU per request during the timed run (server under test, PostgreSQL, load generator) */
export type LoadResult = { p50: number; p95: number; p99: number; rps: number; requests: number; errors: number; non2xx: number; cpu?: CpuSplit | null };

export type Req = { path: string; headers?: Record<string, string>; body?: string };

export type Target = {
  /** base URL of the server */
  url: string;
  method?: "GET" | "POST";
  /** the next request (a different ticket, token or body each time where the measure needs it) */
  next: () => Req;
};

type Run = { result: autocannon.Result; latencies: number[] };

function once(t: Target, connections: number, seconds: number): Promise<Run> {
  const u = new URL(t.url);
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: `${u.protocol}//${u.host}`,
        connections,
        duration: seconds,
        requests: [
          {
            method: t.method ?? "GET",
            setupRequest: (req: autocannon.Request) => {
              const n = t.next();
              const headers = { ...(n.body ? { "content-type": "application/json" } : {}), ...n.headers };
              return { ...req, path: n.path, headers, ...(n.body ? { body: n.body } : {}) };
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    inst.on("response", (_c, _status, _bytes, ms) => latencies.push(ms));
  });
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

/** `serverPid`: the process answering `t` (with its children), for the CPU split. */
export async function measure(t: Target, o: { connections: number; warmup: number; duration: number; serverPid?: number }): Promise<LoadResult> {
  if (o.warmup > 0) await once(t, o.connections, o.warmup);
  const meter = cpuMeter(o.serverPid);
  const { result: r, latencies } = await once(t, o.connections, o.duration);
  // exact percentiles from every response time (autocannon's histogram has no p95)
  const s = latencies.sort((a, b) => a - b);
  return {
    p50: pct(s, 50),
    p95: pct(s, 95),
    p99: pct(s, 99),
    rps: s.length / (r.duration || o.duration),
    requests: s.length,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    cpu: meter(s.length),
  };
}
