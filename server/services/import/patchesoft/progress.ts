// The progress line: entity, done/total, rate and time left. Redrawn in place on a terminal,
// printed every few seconds otherwise (logs of a long run stay readable).
export type ProgressEvent = { entity: string; done: number; total: number; rate: number; etaSeconds: number | null };
export type ProgressSink = (e: ProgressEvent) => void;

export class Progress {
  private start = Date.now();
  private done = 0;
  constructor(
    private readonly entity: string,
    private readonly total: number,
    private readonly sink: ProgressSink,
  ) {}

  add(n: number) {
    this.done += n;
    const secs = Math.max((Date.now() - this.start) / 1000, 0.001);
    const rate = this.done / secs;
    const left = Math.max(this.total - this.done, 0);
    this.sink({ entity: this.entity, done: this.done, total: this.total, rate, etaSeconds: rate > 0 ? left / rate : null });
  }
}

export function formatProgress(e: ProgressEvent): string {
  const pct = e.total ? Math.floor((e.done / e.total) * 100) : 100;
  const eta = e.etaSeconds === null ? "?" : `${Math.ceil(e.etaSeconds)}s`;
  return `${e.entity.padEnd(10)} ${String(e.done).padStart(7)}/${e.total} ${String(pct).padStart(3)}%  ${e.rate.toFixed(0)}/s  ETA ${eta}`;
}

/** A sink for the CLI: in place on a TTY, at most every 5 s elsewhere. */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  let last = 0;
  return (e) => {
    const now = Date.now();
    const finished = e.done >= e.total;
    if (stream.isTTY) stream.write(`\r${formatProgress(e)}${finished ? "\n" : ""}`);
    else if (finished || now - last > 5000) {
      last = now;
      stream.write(`${formatProgress(e)}\n`);
    }
  };
}
