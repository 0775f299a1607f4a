// Issue 15 in the bench data: a priority on every ticket (a realistic mix: few urgent ones) and
// one custom field in use — a single select "plan" on most tickets — so the queue measures
// "filtered by priority" and "filtered by a custom field" run against a million-ticket table.
import type pg from "pg";

export const PLAN_VALUES = ["basic", "pro", "enterprise"] as const;

export type FieldLookups = { priorities: Array<{ id: number; key: string | null }>; planFieldId: number };

export async function fieldLookups(c: pg.Client): Promise<FieldLookups> {
  const pr = await c.query<{ id: number; key: string | null }>(`SELECT id, key FROM priorities ORDER BY sort_order, id`);
  const existing = await c.query<{ id: number }>(`SELECT id FROM custom_fields WHERE name_en = 'Plan' AND type = 'select' ORDER BY id LIMIT 1`);
  const planFieldId = existing.rows[0]?.id ?? (await c.query<{ id: number }>(
    `INSERT INTO custom_fields (type, name_ru, name_en, options, sort_order) VALUES ('select', 'Тариф', 'Plan', $1::jsonb, 10) RETURNING id`,
    [JSON.stringify(PLAN_VALUES.map((v) => ({ value: v, ru: v, en: v })))],
  )).rows[0]!.id;
  return { priorities: pr.rows, planFieldId };
}

/** low 20 %, normal 55 %, high 20 %, urgent 5 % */
export function pickPriority(f: FieldLookups, r: () => number): number {
  const u = r();
  const key = u < 0.2 ? "low" : u < 0.75 ? "normal" : u < 0.95 ? "high" : "urgent";
  return (f.priorities.find((p) => p.key === key) ?? f.priorities[0]!).id;
}

/** 60 % of tickets carry a plan (basic 60 %, pro 30 %, enterprise 10 % of those); the rest none. */
export function pickFields(f: FieldLookups, r: () => number): string {
  if (r() >= 0.6) return "{}";
  const u = r();
  const plan = u < 0.6 ? "basic" : u < 0.9 ? "pro" : "enterprise";
  return JSON.stringify({ [f.planFieldId]: plan });
}
