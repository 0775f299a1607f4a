// Minimal types for the two bench-only devDependencies that ship none.
declare module "autocannon" {
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      requests?: Array<Request & { setupRequest?: (req: Request) => Request }>;
    };
    type Result = { errors: number; timeouts: number; non2xx: number; requests: { average: number; total: number }; duration: number };
    interface Instance {
      on(ev: "response", f: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
      stop(): void;
    }
  }
  function autocannon(o: autocannon.Options, cb: (err: Error | null, res: autocannon.Result) => void): autocannon.Instance;
  export default autocannon;
}

declare module "cli-progress" {
  export class SingleBar {
    constructor(opts: Record<string, unknown>, preset?: unknown);
    start(total: number, value: number, payload?: Record<string, unknown>): void;
    update(value: number, payload?: Record<string, unknown>): void;
    stop(): void;
  }
  export const Presets: { shades_classic: unknown };
  const _default: { SingleBar: typeof SingleBar; Presets: typeof Presets };
  export default _default;
}
