// Issue 16 in the bench data: category scoping for one agent. Team "Bench scoped" links every
// other category (half of them, the busiest one included) and has every agent as a member;
// team "Bench rest" links the other half and has every agent except SCOPED_AGENT. So the
// scoped agent sees half the categories (the `t.category_id = ANY(...)` clause of
// server/db/scope-sql.ts and the per-category counters), while every other agent still sees
// every category (the unscoped plans the other measures time). Idempotent: a reused database
// gains it too.
import type pg from "pg";

export const SCOPED_AGENT = "agent10@bench.test";

export type ScopeFixture = { userId: number; categoryIds: number[] };

export async function seedScope(c: pg.Client): Promise<ScopeFixture> {
  const cats = (await c.query<{ id: number }>(`SELECT id FROM categories ORDER BY sort_order, id`)).rows.map((r) => r.id);
  const half = cats.filter((_, i) => i % 2 === 0);
  const rest = cats.filter((_, i) => i % 2 === 1);
  const user = (await c.query<{ id: number }>(`SELECT id FROM users WHERE email = $1`, [SCOPED_AGENT])).rows[0];
  if (!user) throw new Error(`no ${SCOPED_AGENT} in the seeded data`);
  await c.query("BEGIN");
  try {
    for (const [name, ids, exceptScoped] of [["Bench scoped", half, false], ["Bench rest", rest, true]] as const) {
      const team = (await c.query<{ id: number }>(
        `INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [name])).rows[0]!.id;
      await c.query(`DELETE FROM team_categories WHERE team_id = $1`, [team]);
      await c.query(`INSERT INTO team_categories (team_id, category_id) SELECT $1, unnest($2::int[])`, [team, ids]);
      await c.query(`DELETE FROM team_members WHERE team_id = $1`, [team]);
      await c.query(
        `INSERT INTO team_members (team_id, user_id) SELECT $1, id FROM users WHERE role = 'AGENT' AND ($2::int IS NULL OR id <> $2::int)`,
        [team, exceptScoped ? user.id : null],
      );
    }
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
  return { userId: user.id, categoryIds: half.sort((a, b) => a - b) };
}
