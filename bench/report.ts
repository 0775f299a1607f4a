// The results: targets checked (met / missed and by how much), a Markdown table and the JSON,
// written to bench/results/<date>-<commit>.{md,json}.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./load";
import type { IngestResults, TableRows } from "./ingest";

export type Row = {
  key: string;
  label: string;
  app: LoadResult | null;
  floor: LoadResult | null;
  /** why the app column is empty */
  appNote?: string;
  /** absolute p95 limit in ms, and/or the limit on app p95 ÷ floor p95 */
  maxP95?: number;
  maxRatio?: number;
  /** the app's requests per second must reach this (issue 21's writes) */
  minRps?: number;
  /** floor-only rows (proposed SQL): the p95 target is checked on the floor */
  floorOnly?: boolean;
};

export type Meta = {
  date: string; commit: string; dirty: boolean; cpu: string; cores: number; memGb: number; node: string; postgres: string;
  tickets: number; messages: number; customers: number; quick: boolean; connections: number; warmupS: number; durationS: number;
  seedSeconds: number | null; loadAvg: number[]; searchTerms: { rare: string; common: string; rareHits: number | null; commonHits: number | null };
};

export type Check = { measure: string; target: string; value: string; met: boolean | null; by: string };

const f = (n: number | undefined | null, d = 1) => (n === undefined || n === null || !Number.isFinite(n) ? "–" : n.toFixed(d));

export function checks(rows: Row[], ing: IngestResults | null): Check[] {
  const out: Check[] = [];
  for (const r of rows) {
    const side = r.floorOnly ? r.floor : r.app;
    // nothing answered within the run (every request timed out): a miss with no figure
    if (side && !side.requests) {
      out.push({ measure: `${r.label}: p95`, target: r.maxP95 !== undefined ? `≤ ${r.maxP95} ms` : "–", value: "no answer", met: false, by: `no response within the run (${side.errors + side.non2xx} failed)` });
      continue;
    }
    const p95 = side?.p95;
    if (r.maxRatio !== undefined) {
      const ratio = r.app && r.floor ? r.app.p95 / r.floor.p95 : null;
      out.push({
        measure: `${r.label}: p95 app ÷ floor`, target: `≤ ${r.maxRatio.toFixed(1)}`, value: ratio === null ? "n/a" : ratio.toFixed(2),
        met: ratio === null ? null : ratio <= r.maxRatio, by: ratio === null ? (r.appNote ?? "") : ratio <= r.maxRatio ? `${f(r.maxRatio - ratio, 2)} to spare` : `over by ${f(ratio - r.maxRatio, 2)} (×${f(ratio / r.maxRatio, 2)})`,
      });
    }
    if (r.minRps !== undefined) {
      const v = r.app ? r.app.rps : null;
      out.push({
        measure: `${r.label}: req/s`, target: `≥ ${r.minRps}`, value: v === null ? "n/a" : f(v, 0),
        met: v === null ? null : v >= r.minRps, by: v === null ? (r.appNote ?? "") : v >= r.minRps ? `${f(v - r.minRps, 0)} to spare` : `short by ${f(r.minRps - v, 0)} (×${f(v / r.minRps, 2)}; the floor: ${f(r.floor?.rps ?? 0, 0)})`,
      });
    }
    if (r.maxP95 !== undefined) {
      const v = p95 ?? null;
      out.push({
        measure: `${r.label}: p95${r.floorOnly ? " (floor)" : ""}`, target: `≤ ${r.maxP95} ms`, value: v === null ? "n/a" : `${f(v)} ms`,
        met: v === null ? null : v <= r.maxP95, by: v === null ? (r.appNote ?? "") : v <= r.maxP95 ? `${f(r.maxP95 - v)} ms to spare` : `over by ${f(v - r.maxP95)} ms (×${f(v / r.maxP95, 2)})`,
      });
    }
  }
  if (ing) {
    const a = ing.small.app;
    // the target's floor is the database floor (issue 21); fetch + parse alone is shown beside it
    const fl = ing.small.dbfloor;
    const note = ing.small.note ?? a?.error ?? fl?.error ?? "";
    const ratio = a && fl && !a.error && !fl.error && fl.mailsPerSec ? a.mailsPerSec / fl.mailsPerSec : null;
    out.push({ measure: "ingest: mails/s app ÷ database floor", target: "≥ 0.5", value: ratio === null ? "n/a" : ratio.toFixed(2), met: ratio === null ? null : ratio >= 0.5, by: ratio === null ? note : ratio >= 0.5 ? `${f(ratio - 0.5, 2)} to spare` : `short by ${f(0.5 - ratio, 2)}` });
    const mps = a && !a.error ? a.mailsPerSec : null;
    const MIN_MPS = 150; // issue 21
    out.push({ measure: `ingest: mails/s (≤ 50 KB, avg ${f(ing.small.avgKb)} KB)`, target: `≥ ${MIN_MPS}`, value: mps === null ? "n/a" : f(mps), met: mps === null ? null : mps >= MIN_MPS, by: mps === null ? note : mps >= MIN_MPS ? `${f(mps - MIN_MPS)} to spare` : `short by ${f(MIN_MPS - mps)} (×${f(mps / MIN_MPS, 2)})` });
    const b = ing.big.app;
    const bn = ing.big.note ?? b?.error ?? "";
    const ok = b && !b.error;
    out.push({ measure: `ingest: ${ing.big.mb} MB mail, RSS growth`, target: "< 250 MB", value: ok ? `${f(b.rssGrowthMb)} MB` : "n/a", met: ok ? b.rssGrowthMb < 250 : null, by: ok ? (b.rssGrowthMb < 250 ? `${f(250 - b.rssGrowthMb)} MB to spare` : `over by ${f(b.rssGrowthMb - 250)} MB`) : bn });
    out.push({ measure: `ingest: ${ing.big.mb} MB mail, longest event-loop stall`, target: "< 200 ms", value: ok ? `${f(b.maxStallMs)} ms` : "n/a", met: ok ? b.maxStallMs < 200 : null, by: ok ? (b.maxStallMs < 200 ? `${f(200 - b.maxStallMs)} ms to spare` : `over by ${f(b.maxStallMs - 200)} ms`) : bn });
  }
  return out;
}

function loadCells(x: LoadResult | null, note?: string) {
  if (!x) return [note ?? "n/a", "", "", ""];
  if (!x.requests) return ["no answer within the run", "", "", "0"];
  const bad = x.non2xx || x.errors ? ` ⚠ ${x.non2xx + x.errors} failed` : "";
  return [f(x.p50), f(x.p95), f(x.p99), f(x.rps, 0) + bad];
}

export function markdown(meta: Meta, rows: Row[], ing: IngestResults | null, cs: Check[]): string {
  const L: string[] = [];
  L.push(`# Bench ${meta.date} — ${meta.commit}${meta.dirty ? " (uncommitted changes)" : ""}`, "");
  L.push(`${meta.tickets.toLocaleString("en")} tickets · ${meta.messages.toLocaleString("en")} messages · ${meta.customers.toLocaleString("en")} customers${meta.quick ? " · quick mode" : ""}  `);
  L.push(`${meta.cpu} × ${meta.cores} cores · ${meta.memGb} GB · Node ${meta.node} · ${meta.postgres}  `);
  L.push(`autocannon, ${meta.connections} connections, ${meta.warmupS} s warm-up + ${meta.durationS} s per measure · load average at start ${meta.loadAvg.map((x) => x.toFixed(1)).join(" / ")}`, "");
  L.push("Latencies in ms. Ratio = app ÷ floor (p95 and req/s). Floor = the same SQL through `pg` in a bare `node:http` server.", "");
  L.push("| measure | app p50 | app p95 | app p99 | app req/s | floor p50 | floor p95 | floor p99 | floor req/s | p95 ratio | req/s ratio |");
  L.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const both = r.app?.requests && r.floor?.requests;
    const ratio = both ? f(r.app!.p95 / r.floor!.p95, 2) : "–";
    const rr = both ? f(r.app!.rps / r.floor!.rps, 2) : "–";
    L.push(`| ${r.label} | ${loadCells(r.app, r.appNote).join(" | ")} | ${loadCells(r.floor).join(" | ")} | ${ratio} | ${rr} |`);
  }
  if (rows.some((r) => r.app?.cpu || r.floor?.cpu)) {
    L.push(
      "",
      `CPU per request during each timed run, in ms (\`bench/cpu.ts\`, from /proc): the server answering (the app's Node process, or the floor's), the PostgreSQL backends serving connections, PostgreSQL's background processes (autovacuum, checkpoints, WAL and background writers: work that writes cause, also those of the measure before), and autocannon in the bench's own process. With ${meta.cores} cores, ${meta.cores} × 1,000 ÷ the sum is the most requests per second the machine can answer that way.`,
      "",
      "| measure | app: server | app: PG backends | app: PG background | app: load | app ceiling req/s | floor: server | floor: PG backends | floor: PG background | floor: load | floor ceiling req/s |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    const cells = (x: LoadResult | null) => {
      const c = x?.cpu;
      if (!c) return ["–", "–", "–", "–", "–"];
      const sum = c.server + c.postgres + c.background + c.load;
      return [f(c.server), f(c.postgres), f(c.background), f(c.load), sum > 0 ? f((meta.cores * 1000) / sum, 0) : "–"];
    };
    for (const r of rows) if (r.app?.cpu || r.floor?.cpu) L.push(`| ${r.label} | ${cells(r.app).join(" | ")} | ${cells(r.floor).join(" | ")} |`);
  }
  if (ing) {
    L.push(
      "",
      "Database floor = imapflow fetch + mailparser, then the app's rows for each batch of mails by raw `pg`, one transaction per batch (`bench/ingest-db-floor.ts`); fetch + parse floor = the same without a database.",
      "",
      "| ingest | app | database floor | app ÷ database floor | fetch + parse floor (no DB) | app ÷ fetch + parse |",
      "|---|---:|---:|---:|---:|---:|",
    );
    const s = ing.small;
    const side = (x: IngestSide | null | undefined, note?: string) => (x ? (x.error ? `error: ${x.error}` : `${f(x.mailsPerSec)} mails/s (${x.mails} in ${f(x.seconds, 2)} s)`) : (note ?? "n/a"));
    const over = (x: IngestSide | null | undefined, y: IngestSide | null | undefined) => (x && y && !x.error && !y.error && y.mailsPerSec ? f(x.mailsPerSec / y.mailsPerSec, 2) : "–");
    L.push(`| ${s.count} mails, avg ${f(s.avgKb)} KB | ${side(s.app, s.note)} | ${side(s.dbfloor, s.note)} | ${over(s.app, s.dbfloor)} | ${side(s.floor)} | ${over(s.app, s.floor)} |`);
    const b = ing.big;
    const big = (x: IngestSide | null, note?: string) => (x ? (x.error ? `error: ${x.error}` : `RSS +${f(x.rssGrowthMb)} MB, stall ${f(x.maxStallMs)} ms, ${f(x.seconds, 2)} s`) : (note ?? "n/a"));
    L.push(`| one ${b.mb} MB mail | ${big(b.app, b.note)} | – | – | ${big(b.floor)} | – |`);
    const rows = s.rows;
    if (rows && (rows.app || rows.dbfloor)) {
      // the floor is honest only if it wrote what the app wrote
      // the app may stop at its time budget before the mailbox is empty: the mails each side did head the columns
      const n = (x: IngestSide | null | undefined) => (x && !x.error ? `${x.mails} mails` : "n/a");
      L.push("", "Rows written over the small mails (inserted / updated / deleted, from `pg_stat_user_tables`):", "", `| table | app (${n(s.app)}) | database floor (${n(s.dbfloor)}) |`, "|---|---:|---:|");
      const cell = (r: TableRows | null, t: string) => (r ? (r[t] ? `${r[t].ins} / ${r[t].upd} / ${r[t].del}` : "0 / 0 / 0") : "n/a");
      for (const t of [...new Set([...Object.keys(rows.app ?? {}), ...Object.keys(rows.dbfloor ?? {})])].sort()) L.push(`| ${t} | ${cell(rows.app, t)} | ${cell(rows.dbfloor, t)} |`);
    }
  }
  L.push("", "## Targets", "", "| measure | target | measured | | margin |", "|---|---|---:|---|---|");
  for (const c of cs) L.push(`| ${c.measure} | ${c.target} | ${c.value} | ${c.met === null ? "not measured" : c.met ? "met" : "**missed**"} | ${c.by} |`);
  if (meta.searchTerms.rareHits !== null) L.push("", `Search terms: rare "${meta.searchTerms.rare}" (${meta.searchTerms.rareHits} tickets match), common "${meta.searchTerms.common}" (${meta.searchTerms.commonHits} tickets match).`);
  if (meta.seedSeconds !== null) L.push(`Seeding took ${f(meta.seedSeconds, 0)} s.`);
  return L.join("\n") + "\n";
}

type IngestSide = NonNullable<IngestResults["small"]["app"]>;

export function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? "unknown CPU", cores: cpus.length, memGb: Math.round(os.totalmem() / 1024 ** 3), node: process.versions.node, loadAvg: os.loadavg() };
}

export function writeResults(dir: string, meta: Meta, rows: Row[], ing: IngestResults | null): { md: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const cs = checks(rows, ing);
  const first = path.join(dir, `${meta.date.slice(0, 10)}-${meta.commit.slice(0, 10)}${meta.quick ? "-quick" : ""}`);
  // a second run of the same commit on the same day (e.g. one measure again) gets -2, -3 …: it
  // never overwrites the first one's figures
  let base = first;
  for (let n = 2; fs.existsSync(`${base}.md`) || fs.existsSync(`${base}.json`); n++) base = `${first}-${n}`;
  const md = markdown(meta, rows, ing, cs);
  fs.writeFileSync(`${base}.md`, md);
  // the README links this one
  fs.writeFileSync(path.join(dir, "latest.md"), md);
  fs.writeFileSync(`${base}.json`, JSON.stringify({ meta, measures: rows, ingest: ing, targets: cs }, null, 2) + "\n");
  return { md: `${base}.md`, json: `${base}.json` };
}
