// Ticket priorities. Patchesoft has no priority table: tickets.priority is a number its views
// label 0 Low, 1 Medium, 2 High, 3 Urgent (language file ctn_429…432). Each number in use is
// linked to the priority here with that name (ru or en, any case; "Medium" is this helpdesk's
// "Normal") or, failing that, to the seeded one of the same rank (its key, in case an admin
// renamed it); a number outside 0…3 gets a priority of its own. The import map keeps the link,
// so a rerun neither duplicates nor renames a priority.
import { inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds } from "./sql";

type PriorityRow = { names: string[]; key: string | null; nameRu: string; nameEn: string };

const KNOWN: Record<number, PriorityRow> = {
  0: { names: ["low", "низкий"], key: "low", nameRu: "Низкий", nameEn: "Low" },
  1: { names: ["medium", "normal", "средний", "обычный"], key: "normal", nameRu: "Обычный", nameEn: "Normal" },
  2: { names: ["high", "высокий"], key: "high", nameRu: "Высокий", nameEn: "High" },
  3: { names: ["urgent", "срочный"], key: "urgent", nameRu: "Срочный", nameEn: "Urgent" },
};

export function priorityRow(n: number): PriorityRow {
  return KNOWN[n] ?? { names: [`patchesoft ${n}`], key: null, nameRu: `Приоритет Patchesoft ${n}`, nameEn: `Patchesoft priority ${n}` };
}

type Existing = { id: number; key: string | null; name_ru: string; name_en: string };

/** The priority here a source priority links to: same name first, then the seeded key. */
export function matchPriority(p: PriorityRow, existing: Existing[]): number | null {
  const byName = existing.find((e) => p.names.includes(e.name_ru.trim().toLowerCase()) || p.names.includes(e.name_en.trim().toLowerCase()));
  const byKey = p.key ? existing.find((e) => e.key === p.key) : undefined;
  return (byName ?? byKey)?.id ?? null;
}

export async function importPriorities(ctx: ImportContext): Promise<void> {
  const used = await ctx.src.distinct("tickets", "priority");
  const existing = (await ctx.pg.query<Existing>("SELECT id, key, name_ru, name_en FROM priorities ORDER BY sort_order, id")).rows;
  const planned: Planned<PriorityRow>[] = used.map((n) => ({ sourceId: String(n), row: priorityRow(n) }));
  const ids = await inBatch(ctx, () =>
    reconcile(ctx, "priority", planned, {
      async insert(ps) {
        const out: string[] = [];
        for (const p of ps) {
          const same = matchPriority(p.row, existing);
          if (same !== null) {
            out.push(String(same));
            continue;
          }
          const [id] = await nextIds(ctx.pg, "priorities", 1);
          // after the seeded ones, in Patchesoft's order (a higher number is more urgent there too)
          await insertRows(ctx.pg, "priorities", ["id", "name_ru", "name_en", "sort_order"], [[id, p.row.nameRu, p.row.nameEn, 100 + Number(p.sourceId)]]);
          ctx.summary.fix("priority", "no priority of that name here: created");
          out.push(String(id));
        }
        return out;
      },
      // the name is fixed per number, so a changed checksum cannot happen; a priority an admin renamed stays renamed
      update: async () => {},
    }),
  );
  for (const [sid, tid] of ids) ctx.priorities.set(Number(sid), Number(tid));
}
