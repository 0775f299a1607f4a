// One CSV cell (ASVS 5.0 V1.2.10): RFC 4180 quoting, and text a spreadsheet would run as a
// formula (starting with =, +, -, @, tab, CR or NUL) prefixed with a single quote so it shows as
// text. Numbers are the app's own and stay numbers; every string is treated as hostile (agent
// names come from users).
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\u0000"]);

export function csvCell(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  let s = String(v);
  if (FORMULA_START.has(s.charAt(0))) s = `'${s}`;
  return /[",\n\r\t']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return cells.map(csvCell).join(",");
}
