// The report period from the URL: ?from=YYYY-MM-DD&to=YYYY-MM-DD (both inclusive, UTC days);
// default the last 30 days. Bad values fall back to the default.
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const valid = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(Date.parse(`${s}T00:00:00Z`)) ? s : undefined);

export function reportRange(raw: { from?: string; to?: string }, now = new Date()) {
  const today = iso(now);
  let to = valid(raw.to) ?? today;
  let from = valid(raw.from) ?? iso(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY));
  if (from > to) [from, to] = [to, from];
  // at most a year
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 365 * DAY) from = iso(new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY));
  return { from, to, fromDate: new Date(`${from}T00:00:00Z`), toDate: new Date(Date.parse(`${to}T00:00:00Z`) + DAY) };
}

export function presetRange(days: number, now = new Date()) {
  const to = iso(now);
  return { from: iso(new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY)), to };
}
