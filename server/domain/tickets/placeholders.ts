// Canned-reply placeholders, filled when an agent inserts a reply. Pure: the UI calls it.
export type PlaceholderValues = { customerName: string; ticketNumber: number | string; agentName: string };

export function fillPlaceholders(text: string, v: PlaceholderValues): string {
  const map: Record<string, string> = {
    "customer.name": v.customerName,
    "ticket.number": String(v.ticketNumber),
    "agent.name": v.agentName,
  };
  return text.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi, (m, key: string) => map[key.toLowerCase()] ?? m);
}
