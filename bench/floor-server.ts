// The floor: a bare node:http server that runs the app's hot-path SQL (bench/sql.ts) through a
// `pg` pool of the same size as the app's and answers JSON — no framework, no auth, no ORM.
// What the app costs on top of this is the ratio the bench reports.
// Run: tsx bench/floor-server.ts <port> <database-url>
import http from "node:http";
import pg from "pg";
import { queueSql, countsSql, scopedCountsSql, ticketSql, createSql, replySql, kbSearchSql } from "./sql";
import { SEARCH_SESSION_OPTIONS } from "@/server/db/pg-pool";

const num = (s: string | null) => (s ? Number(s) : undefined);
/** `scope=1,2,3`: a scoped agent's categories (issue 16) */
const ids = (s: string | null) => (s ? s.split(",").map(Number) : undefined);

export function startFloorServer(port: number, url: string): Promise<http.Server> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  // the KB search's sessions, as the app's searchPool() opens them
  const searchPool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10), options: SEARCH_SESSION_OPTIONS });
  pool.on("error", () => {});
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://floor");
    const send = (v: unknown) => {
      const body = JSON.stringify(v);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    const fail = (e: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e));
    };
    const readBody = () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          try {
            resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {});
          } catch (e) {
            reject(e);
          }
        });
      });
    const run = async () => {
      const q = u.searchParams;
      switch (u.pathname) {
        case "/queue": {
          const at = q.get("at");
          const cursor = at ? { at: new Date(at), id: Number(q.get("id")) } : null;
          const s = queueSql({ statusId: num(q.get("status")), categoryId: num(q.get("category")), search: q.get("q") ?? undefined, cursor, limit: Number(q.get("limit") ?? 50),
            priorityId: num(q.get("priority")), fieldJson: q.get("field") ?? undefined, scopeIds: ids(q.get("scope")) });
          const r = await pool.query(s);
          return send({ items: r.rows.slice(0, Number(q.get("limit") ?? 50)), more: r.rows.length > Number(q.get("limit") ?? 50) });
        }
        case "/counts": {
          const scope = ids(q.get("scope"));
          return send(scope ? await scopedCountsSql(pool, Number(q.get("user")), scope) : await countsSql(pool, Number(q.get("user"))));
        }
        case "/ticket":
          return send(await ticketSql(pool, Number(q.get("id"))));
        case "/create": {
          const b = await readBody();
          const c = await pool.connect();
          try {
            return send({ id: await createSql(c, b as Parameters<typeof createSql>[1]) });
          } finally {
            c.release();
          }
        }
        case "/reply": {
          const b = await readBody();
          const c = await pool.connect();
          try {
            return send({ id: await replySql(c, b as Parameters<typeof replySql>[1]) });
          } finally {
            c.release();
          }
        }
        case "/kb-search":
          return send({ items: await kbSearchSql(searchPool, q.get("q") ?? "") });
        case "/health":
          return send({ ok: true });
        default:
          res.writeHead(404);
          res.end();
      }
    };
    run().catch(fail);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [port, url] = process.argv.slice(2);
  if (!port || !url) {
    console.error("usage: tsx bench/floor-server.ts <port> <database-url>");
    process.exit(2);
  }
  startFloorServer(Number(port), url).then(() => console.log(`floor listening on ${port}`));
}
