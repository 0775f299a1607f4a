// Issue 15.8 gap: a deleted own reply leaves the search (the message's vector is emptied and the
// ticket's folded vector rebuilt without it, migration 0020) and its files are no longer served
// to the customer; staff keep them (the reply stays in the history, its files are part of that
// record).
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { PNG_1x1 } from "@/server/testing/portal-helpers";
import { readAttachment } from "@/server/services/uploads/read-attachment";
import { db } from "@/server/db/client";

describe("a deleted own reply", () => {
  it("leaves the search index; other words of the thread stay findable", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer, { title: "Invoice question" });
    const keep = await callerFor(w.agent).ticket.reply({ ticketId: id, body: "The courier is zanzibarion." });
    const gone = await callerFor(w.agent).ticket.reply({ ticketId: id, body: "Oops, wrong customer: квазипароль qwertyplum." });
    const find = (search: string) => callerFor(w.admin).ticket.list({ limit: 5, search }).then((r) => r.items.map((t) => t.id));
    expect(await find("qwertyplum")).toEqual([id]);
    expect(await find("квазипароль")).toEqual([id]);

    await callerFor(w.agent).ticket.deleteMessage({ messageId: gone.id });
    expect(await find("qwertyplum")).toEqual([]);
    expect(await find("квазипароль")).toEqual([]);
    expect(await find("zanzibarion")).toEqual([id]);
    expect(await find("invoice")).toEqual([id]);
    const [m] = await db().$queryRaw<Array<{ empty: boolean }>>`SELECT search_vector IS NULL AS empty FROM messages WHERE id = ${gone.id}`;
    expect(m!.empty).toBe(true);
    expect(keep.id).toBeGreaterThan(0);
    // a later reply appends to the rebuilt vector, without bringing the deleted words back
    await callerFor(w.customer).ticket.reply({ ticketId: id, body: "Thanks" });
    expect(await find("qwertyplum")).toEqual([]);
    expect(await find("thanks")).toEqual([id]);
  });

  it("its files: NOT_FOUND for the customer, still readable by staff", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    const up = await callerFor(w.agent).attachment.upload({ fileName: "wrong.png", contentBase64: PNG_1x1.toString("base64") });
    const r = await callerFor(w.agent).ticket.reply({ ticketId: id, body: "Here is the file", attachmentIds: [up.id] });
    expect((await readAttachment(w.customer, up.id)).fileName).toBe("wrong.png");

    await callerFor(w.agent).ticket.deleteMessage({ messageId: r.id });
    await expect(readAttachment(w.customer, up.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readAttachment(w.agent, up.id)).fileName).toBe("wrong.png");
    const seen = await callerFor(w.customer).ticket.byId({ id });
    expect(JSON.stringify(seen)).not.toContain(up.id);
  });
});
