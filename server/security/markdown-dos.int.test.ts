// ASVS 5.0 V15.2.2 / V2.4.1: Markdown cannot stall the server. The review measured `marked` at
// 24 s of synchronous CPU for "*_a" × 16,666 (50,000 characters, what create/reply/addNote
// accept) and a stack overflow on ">" × 50,000; the preview was public and GET-able.
import { describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { anonymous } from "@/server/domain/actor";
import { makeActor, firstCategoryId } from "@/server/testing/factories";
import { renderMarkdown, MARKDOWN_MAX_CHARS } from "@/server/services/content/markdown";
import { ABUSE_LIMITS } from "@/server/auth/abuse-limits";

const hostile: [string, string][] = [
  ['"*_a" repeated (quadratic in marked)', "*_a".repeat(16_666)],
  ['">" × 50,000 (stack overflow in marked)', ">".repeat(MARKDOWN_MAX_CHARS)],
  ['"![" repeated', "![".repeat(MARKDOWN_MAX_CHARS / 2)],
  ['"[" × 50,000', "[".repeat(MARKDOWN_MAX_CHARS)],
  ["nested lists", "- ".repeat(MARKDOWN_MAX_CHARS / 2)],
  ["emphasis soup", "*a **a _a __a ".repeat(3_500)],
];

describe("ASVS 5.0 V15.2.2: Markdown rendering is bounded on hostile input", () => {
  // no timing assertion (house rule): the times measured on an idle machine are in SECURITY.md;
  // this proves the renderer neither throws (marked overflowed the stack) nor returns nothing
  it.each(hostile)("%s renders to bounded HTML without throwing", (_name, text) => {
    const html = renderMarkdown(text);
    expect(typeof html).toBe("string");
    expect(html.length).toBeGreaterThan(0);
  });

  it("a ticket with the worst body the API accepts is created, its HTML stored", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const r = await callerFor(customer).ticket.create({ title: "Stars", body: "*_a".repeat(16_666), categoryId: await firstCategoryId() });
    expect(r).toMatchObject({ id: expect.any(Number) });
  });
});

describe("ASVS 5.0 V2.4.1: ticket.previewMarkdown is for signed-in users and rate-limited", () => {
  it("an anonymous caller is refused before anything is rendered", async () => {
    await expect(callerFor(anonymous).ticket.previewMarkdown({ body: "**hi**" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a signed-in user gets the preview, then TOO_MANY_REQUESTS past the per-user limit", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const { actor: other } = await makeActor("CUSTOMER");
    const limit = ABUSE_LIMITS.markdownPreview().points;
    for (let i = 0; i < limit; i++) {
      await expect(callerFor(customer).ticket.previewMarkdown({ body: "**hi**" })).resolves.toEqual({ html: "<p><strong>hi</strong></p>\n" });
    }
    await expect(callerFor(customer).ticket.previewMarkdown({ body: "**hi**" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // per user: someone else is not affected
    await expect(callerFor(other).ticket.previewMarkdown({ body: "*x*" })).resolves.toEqual({ html: "<p><em>x</em></p>\n" });
  });
});
