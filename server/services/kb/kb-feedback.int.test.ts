// Votes (one per visitor), views, and the new-ticket suggestion funnel that the report counts.
import { describe, it, expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { makeKbArticle, makeKbCategory } from "@/server/testing/kb-fixtures";
import { anonymous } from "@/server/domain/actor";
import { db } from "@/server/db/client";

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
const V1 = "visitor-aaaaaaaaaaaaaaaa";
const V2 = "visitor-bbbbbbbbbbbbbbbb";

async function world() {
  const agent = await makeActor("AGENT");
  const customer = await makeActor("CUSTOMER");
  const c = await makeKbCategory();
  const a = await makeKbArticle(agent.user.id, c.id, { slug: "a" });
  const b = await makeKbArticle(agent.user.id, c.id, { slug: "b", titleEn: "Second", titleRu: "Вторая" });
  const draft = await makeKbArticle(agent.user.id, c.id, { slug: "draft", isPublished: false });
  return { agent, customer, a, b, draft };
}

describe("kb feedback", () => {
  it("one vote per visitor: a second vote changes it, another visitor adds one", async () => {
    const w = await world();
    const anon = callerFor(anonymous).kb;
    expect(await anon.vote({ articleId: w.a.id, helpful: true, visitorId: V1 })).toEqual({ yes: 1, no: 0, mine: true });
    expect(await anon.vote({ articleId: w.a.id, helpful: true, visitorId: V1 })).toEqual({ yes: 1, no: 0, mine: true });
    expect(await anon.vote({ articleId: w.a.id, helpful: false, visitorId: V1 })).toEqual({ yes: 0, no: 1, mine: false });
    expect(await anon.vote({ articleId: w.a.id, helpful: true, visitorId: V2 })).toEqual({ yes: 1, no: 1, mine: true });
    // signed in: the account is the visitor, whatever id the browser sends
    await callerFor(w.customer.actor).kb.vote({ articleId: w.a.id, helpful: true, visitorId: V1 });
    expect(await callerFor(w.customer.actor).kb.vote({ articleId: w.a.id, helpful: true, visitorId: V2 })).toEqual({ yes: 2, no: 1, mine: true });
    expect(await code(anon.vote({ articleId: w.a.id, helpful: true }))).toBe("BAD_REQUEST");
    expect(await code(anon.vote({ articleId: w.draft.id, helpful: true, visitorId: V1 }))).toBe("NOT_FOUND");
    expect((await anon.article({ slug: "a", lang: "en" })).votes).toEqual({ yes: 2, no: 1 });
  });

  it("counts views of readable articles only", async () => {
    const w = await world();
    await callerFor(anonymous).kb.recordView({ articleId: w.a.id });
    await callerFor(w.customer.actor).kb.recordView({ articleId: w.a.id });
    expect(await code(callerFor(anonymous).kb.recordView({ articleId: w.draft.id }))).toBe("NOT_FOUND");
    expect((await db().kbArticle.findUniqueOrThrow({ where: { id: w.a.id } })).viewCount).toBe(2);
  });

  it("the report counts forms whose suggested article was opened and that never submitted", async () => {
    const w = await world();
    const anon = callerFor(anonymous).kb;
    const s1 = "session-1111111111111111";
    const s2 = "session-2222222222222222";
    await anon.suggestionOpened({ session: s1, articleId: w.a.id });
    await anon.suggestionOpened({ session: s1, articleId: w.a.id }); // the same open twice counts once
    await anon.suggestionOpened({ session: s1, articleId: w.b.id });
    await anon.suggestionOpened({ session: s2, articleId: w.a.id });
    expect(await anon.suggestionsSubmitted({ session: s2 })).toEqual({ updated: 1 });
    expect(await code(anon.suggestionOpened({ session: s1, articleId: w.draft.id }))).toBe("NOT_FOUND");
    const r = await callerFor(w.agent.actor).kb.report({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000), lang: "en" });
    expect(r).toMatchObject({ opens: 3, sessions: 2, submitted: 1, deflected: 1 });
    expect(r.topDeflecting.map((x) => [x.slug, x.count])).toEqual([["a", 1], ["b", 1]]);
  });
});
