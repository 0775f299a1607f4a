// The driver adapter the Prisma CLI uses (prisma.config.ts), never the app. It carries the
// fixes for @prisma/adapter-pg 6.19 that shared/docs/environment.md describes:
//  1. catalog columns of type name / "char" / name[] are reported as text / text[]
//     (prisma/orm#27403: "Column type 'name' could not be deserialized");
//  2. the shadow database is dropped only after its pool is closed;
//  3. a migration script is sent whole, so plpgsql bodies with ';' survive.
// Moving to Prisma 7 later means deleting this file and the config's adapter() hook.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// The WebAssembly engine leaves a 60 s timer behind; let the CLI exit when its work is done.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const t = realSetTimeout(fn, ms, ...rest);
  if ((ms ?? 0) >= 30_000) t.unref?.();
  return t;
}) as typeof setTimeout;

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const remap: Record<number, number> = { 18: TEXT_OID, 19: TEXT_OID, 1003: TEXT_ARRAY_OID };

type Field = { dataTypeID: number };
function fixResult<T>(res: T): T {
  const list = Array.isArray(res) ? res : [res];
  for (const r of list as Array<{ fields?: Field[] }>) {
    for (const f of r?.fields ?? []) if (remap[f.dataTypeID]) f.dataTypeID = remap[f.dataTypeID];
  }
  return res;
}

class CatalogSafeClient extends pg.Client {
  // pg-pool calls query() with a callback, the adapter with a promise: support both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const cb = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const p = (super.query as any)(...args).then(fixResult);
    if (!cb) return p;
    p.then((r: unknown) => cb(null, r), (e: unknown) => cb(e));
    return undefined;
  }
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true,
    Client: CatalogSafeClient,
  } as pg.PoolConfig;
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function sendScriptsWhole(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    await (adapter.underlyingDriver() as pg.Pool).query(script);
  };
  return adapter;
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }

  override async connect(): Promise<Adapter> {
    return sendScriptsWhole(await super.connect());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    const admin = new pg.Pool(poolConfig(this.url));
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = new PrismaPg(poolConfig(this.url, database));
    const adapter = sendScriptsWhole(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.end();
    };
    return adapter;
  }
}

export function cliAdapter(url: string) {
  return new CliPrismaPg(url);
}
