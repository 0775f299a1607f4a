// The CLI's ticket commands go through the same services and policies as the web.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { makeUser } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { parseArgs } from "@/server/cli-args";
import { ticketCreateFor, ticketMerge } from "@/bin/cli-tickets";

describe("ticket CLI", () => {
  it("ticket:create-for and ticket:merge act as the named staff account; a customer account is refused", async () => {
    const w = await staffWorld();
    await ticketCreateFor(parseArgs(["--as", w.agentUser.email, "--customer", "phone@client.example", "--title", "By phone", "--body", "Called", "--no-notify"]));
    const t = await db().ticket.findFirstOrThrow({ where: { requester: { email: "phone@client.example" } } });
    expect(await db().outboxMail.count({ where: { toEmail: "phone@client.example" } })).toBe(0);
    const into = await openTicket(w.customer);
    await ticketMerge(parseArgs(["--as", w.agentUser.email, "--from", String(t.id), "--into", String(into)]));
    expect((await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).mergedIntoId).toBe(into);
    const customer = await makeUser();
    await expect(ticketMerge(parseArgs(["--as", customer.email, "--from", String(into), "--into", String(t.id)]))).rejects.toThrow(/not an active staff account/);
  });
});
