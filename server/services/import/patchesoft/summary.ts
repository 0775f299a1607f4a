// What an import did, per entity: imported, updated, unchanged, skipped (with the reason) and
// fixed (kept, with a repair such as a zero date). Printed at the end of the CLI run.
export type EntityCounts = { imported: number; updated: number; unchanged: number; skipped: Record<string, number>; fixed: Record<string, number> };

export class ImportSummary {
  readonly entities: Record<string, EntityCounts> = {};
  readonly notes: string[] = [];

  of(entity: string): EntityCounts {
    return (this.entities[entity] ??= { imported: 0, updated: 0, unchanged: 0, skipped: {}, fixed: {} });
  }
  skip(entity: string, reason: string, n = 1) {
    const s = this.of(entity).skipped;
    s[reason] = (s[reason] ?? 0) + n;
  }
  fix(entity: string, reason: string, n = 1) {
    const f = this.of(entity).fixed;
    f[reason] = (f[reason] ?? 0) + n;
  }
  note(text: string) {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  format(): string {
    const lines = Object.entries(this.entities).map(([name, c]) => {
      const extra = [
        ...Object.entries(c.skipped).map(([r, n]) => `skipped ${n} (${r})`),
        ...Object.entries(c.fixed).map(([r, n]) => `fixed ${n} (${r})`),
      ];
      return `  ${name.padEnd(16)} imported ${c.imported}, updated ${c.updated}, unchanged ${c.unchanged}${extra.length ? ", " + extra.join(", ") : ""}`;
    });
    return [...lines, ...this.notes.map((n) => `  note: ${n}`)].join("\n");
  }
}
