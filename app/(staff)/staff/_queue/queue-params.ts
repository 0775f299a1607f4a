// The queue's filters live in the URL (bookmarkable views). Parsing is forgiving: a bad value is
// dropped, never an error page.
export type QueueParams = {
  q?: string;
  status: "open" | "all" | number;
  category?: number;
  assignee: "any" | "me" | "unassigned" | number;
  requester?: string;
  from?: string;
  to?: string;
  cursor?: string;
  /** issue 15: priority filter, sort, one custom-field filter (field + value) and one extra column */
  priority?: number;
  sort?: "priority";
  field?: number;
  fv?: string;
  col?: number;
};

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const posInt = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
const day = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(`${v}T00:00:00Z`)) ? v : undefined);

export function parseQueueParams(raw: Raw): QueueParams {
  const s = one(raw.status);
  const a = one(raw.assignee);
  return {
    q: one(raw.q)?.slice(0, 200),
    status: s === "all" ? "all" : (posInt(s) ?? "open"),
    category: posInt(one(raw.category)),
    assignee: a === "me" || a === "unassigned" ? a : (posInt(a) ?? "any"),
    requester: one(raw.requester)?.slice(0, 254),
    from: day(one(raw.from)),
    to: day(one(raw.to)),
    cursor: one(raw.cursor)?.slice(0, 200),
    priority: posInt(one(raw.priority)),
    sort: one(raw.sort) === "priority" ? "priority" : undefined,
    field: posInt(one(raw.field)),
    fv: one(raw.fv)?.slice(0, 200),
    col: posInt(one(raw.col)),
  };
}

/** The URL of a view; `over` replaces some params (cursor is dropped unless given). */
export function queueHref(p: QueueParams, over: Partial<QueueParams> = {}): string {
  const m = { ...p, cursor: undefined, ...over };
  const u = new URLSearchParams();
  if (m.q) u.set("q", m.q);
  if (m.status !== "open") u.set("status", String(m.status));
  if (m.category) u.set("category", String(m.category));
  if (m.assignee !== "any") u.set("assignee", String(m.assignee));
  if (m.requester) u.set("requester", m.requester);
  if (m.from) u.set("from", m.from);
  if (m.to) u.set("to", m.to);
  for (const k of ["priority", "sort", "field", "fv", "col"] as const) if (m[k]) u.set(k, String(m[k]));
  if (m.cursor) u.set("cursor", m.cursor);
  const s = u.toString();
  return s ? `/staff?${s}` : "/staff";
}
