// Reading the Patchesoft MySQL database. One connection, utf8mb4 (so utf8 and latin1 tables
// both arrive as JS strings; double-encoded text is repaired later, mojibake.ts), rows read
// in primary-key order with a keyset, so memory stays flat at any size.
import mysql from "mysql2/promise";

export type Row = Record<string, unknown>;

export class PatchesoftSource {
  private constructor(private readonly conn: mysql.Connection) {}

  static async open(url: string): Promise<PatchesoftSource> {
    const u = new URL(url);
    if (u.protocol !== "mysql:" && u.protocol !== "mariadb:") throw new Error("--mysql-url must look like mysql://user:pass@host:port/database");
    const conn = await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: decodeURIComponent(u.pathname.slice(1)),
      charset: "utf8mb4",
      // zero dates and the like arrive as the text MySQL holds, never as an Invalid Date
      dateStrings: true,
      supportBigNumbers: true,
    });
    return new PatchesoftSource(conn);
  }

  async hasTable(table: string): Promise<boolean> {
    const [rows] = await this.conn.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", [table]);
    return Number((rows as Row[])[0]!.n) > 0;
  }

  async count(table: string): Promise<number> {
    if (!(await this.hasTable(table))) return 0;
    const [rows] = await this.conn.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
    return Number((rows as Row[])[0]!.n);
  }

  /** All rows of a small table (missing table: none). */
  async all(table: string): Promise<Row[]> {
    if (!(await this.hasTable(table))) return [];
    const [rows] = await this.conn.query(`SELECT * FROM \`${table}\` ORDER BY ID`);
    return rows as Row[];
  }

  /** Rows with ID > after, in ID order. */
  async batch(table: string, after: number, limit: number): Promise<Row[]> {
    const [rows] = await this.conn.query(`SELECT * FROM \`${table}\` WHERE ID > ? ORDER BY ID LIMIT ?`, [after, limit]);
    return rows as Row[];
  }

  /** The distinct values of an integer column (missing table: none). */
  async distinct(table: string, column: string): Promise<number[]> {
    if (!(await this.hasTable(table))) return [];
    const [rows] = await this.conn.query(`SELECT DISTINCT \`${column}\` AS v FROM \`${table}\` ORDER BY v`);
    return (rows as Row[]).map((r) => int(r.v));
  }

  async where(table: string, column: string, values: number[]): Promise<Row[]> {
    if (!values.length) return [];
    const [rows] = await this.conn.query(`SELECT * FROM \`${table}\` WHERE \`${column}\` IN (?) ORDER BY ID`, [values]);
    return rows as Row[];
  }

  async close(): Promise<void> {
    await this.conn.end().catch(() => {});
  }
}

export const int = (v: unknown): number => (typeof v === "number" ? v : Number(v ?? 0)) || 0;
export const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
