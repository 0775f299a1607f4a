// Multi-row INSERTs for the import's batches (hundreds of rows per statement, not one round
// trip each), and ids taken from a table's sequence up front so rows and map entries agree
// without relying on the order of RETURNING.
import type pg from "pg";

export async function insertRows(client: pg.PoolClient, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const values: unknown[] = [];
    const tuples = chunk.map((r) => `(${r.map((v) => (values.push(v), `$${values.length}`)).join(", ")})`);
    await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
  }
}

export async function nextIds(client: pg.PoolClient, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await client.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence($1, 'id'))::text AS id FROM generate_series(1, $2)`, [table, n]);
  return r.rows.map((x) => Number(x.id));
}

export async function updateRow(client: pg.PoolClient, table: string, id: string | number, set: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(set);
  await client.query(`UPDATE "${table}" SET ${cols.map((c, i) => `"${c}" = $${i + 2}`).join(", ")} WHERE id = $1`, [id, ...Object.values(set)]);
}

/** Unix seconds → Date; 0, negative and pre-1971 values (zero dates) → null. */
export function unixDate(v: number): Date | null {
  return v > 31_536_000 ? new Date(v * 1000) : null;
}
