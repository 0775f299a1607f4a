import { describe, it, expect } from "vitest";
import { fillPlaceholders } from "./placeholders";

describe("fillPlaceholders", () => {
  const v = { customerName: "Иван", ticketNumber: 42, agentName: "Anna" };
  it.each([
    ["Hello {{customer.name}}", "Hello Иван"],
    ["#{{ ticket.number }} by {{agent.name}}", "#42 by Anna"],
    ["{{CUSTOMER.NAME}}", "Иван"],
    ["{{unknown.key}} stays", "{{unknown.key}} stays"],
    ["no placeholders", "no placeholders"],
  ])("%s → %s", (input, out) => expect(fillPlaceholders(input, v)).toBe(out));
});
