// Who gets a new ticket (issue 16 point 2), decided per category: NONE keeps the category's
// default assignee (or nobody), ROUND_ROBIN takes the next available agent after the previous
// one, FEWEST_OPEN the available agent with the fewest open tickets. Away agents are skipped;
// with nobody available the ticket stays unassigned.
export type AssignmentRule = "NONE" | "ROUND_ROBIN" | "FEWEST_OPEN";

export type Candidate = { id: number; away: boolean; open: number };

export type AssignmentFacts = {
  rule: AssignmentRule;
  /** the category's agents (team members, or every agent when no team has the category) */
  candidates: Candidate[];
  defaultAssigneeId: number | null;
  lastAssigneeId: number | null;
};

export function pickAssignee(f: AssignmentFacts): number | null {
  const available = f.candidates.filter((c) => !c.away).sort((a, b) => a.id - b.id);
  if (f.rule === "NONE") return f.defaultAssigneeId;
  if (available.length === 0) return null; // everyone away: the queue's "unassigned" shows it
  if (f.rule === "ROUND_ROBIN") {
    const next = available.find((c) => f.lastAssigneeId === null || c.id > f.lastAssigneeId);
    return (next ?? available[0]!).id;
  }
  // FEWEST_OPEN: ties go to the next one in round-robin order, so equal agents take turns
  const least = Math.min(...available.map((c) => c.open));
  const tied = available.filter((c) => c.open === least);
  const next = tied.find((c) => f.lastAssigneeId === null || c.id > f.lastAssigneeId);
  return (next ?? tied[0]!).id;
}
