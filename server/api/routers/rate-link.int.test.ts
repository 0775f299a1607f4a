// The procedures behind pages that used to call services directly: rateLink.* (/rate),
// kb.sitemap (/sitemap.xml), meta.portal's allowUploads (/tickets/new) and
// ticket.staffSettings' upload limits (the staff ticket pages).
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { signLink } from "@/server/auth/signed-links";
import { anonymous } from "@/server/domain/actor";
import { callerFor } from "@/server/testing/caller";
import { firstCategoryId, makeActor, setTicketSettings, statusByKey } from "@/server/testing/factories";

describe("page procedures", () => {
  it("rateLink: the closing mail's link shows the ticket and rates it as its requester; a bad link is a reason", async () => {
    await setTicketSettings({ allowRating: true });
    const { actor, user } = await makeActor("CUSTOMER");
    const t = await callerFor(actor).ticket.create({ title: "Printer jams", body: "Every page.", categoryId: await firstCategoryId() });
    await db().ticket.update({ where: { id: t.id }, data: { statusId: (await statusByKey("closed")).id, closedAt: new Date() } });
    const token = signLink("rate", t.id, user.id);
    const api = callerFor(anonymous);
    expect(await api.rateLink.view({ token, locale: "en" })).toEqual({ ok: true, ticket: { id: t.id, title: "Printer jams", rating: null, ratingComment: null } });
    expect(await api.rateLink.rate({ token, locale: "en", rating: "4", comment: "Thanks" })).toEqual({ ok: true, rating: 4, ratingComment: "Thanks" });
    expect(await api.rateLink.rate({ token, locale: "en", rating: "9", comment: null })).toEqual({ ok: false, reason: "INVALID_RATING" });
    expect(await api.rateLink.view({ token: "garbage", locale: "ru" })).toEqual({ ok: false, reason: "INVALID_LINK" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).rating).toBe(4);
  });

  it("kb.sitemap lists public published articles only", async () => {
    const cat = await db().kbCategory.create({ data: { slug: "printing", nameRu: "Печать", nameEn: "Printing" } });
    const article = (slug: string, extra: { isPublished: boolean; visibility: "PUBLIC" | "STAFF" }) => db().kbArticle.create({ data: { slug, categoryId: cat.id, titleEn: slug, bodyEn: "Body", ...extra } });
    await article("public-one", { isPublished: true, visibility: "PUBLIC" });
    await article("draft-one", { isPublished: false, visibility: "PUBLIC" });
    await article("staff-one", { isPublished: true, visibility: "STAFF" });
    const map = await callerFor(anonymous).kb.sitemap();
    expect(map.articles.map((a) => a.slug)).toEqual(["public-one"]);
    expect(map.categories.map((c) => c.slug)).toContain("printing");
  });

  it("meta.portal says whether uploads are on; ticket.staffSettings carries the upload limits", async () => {
    await setTicketSettings({ allowUploads: false, maxUploadMb: 3 });
    expect((await callerFor(anonymous).meta.portal()).allowUploads).toBe(false);
    await setTicketSettings({ allowUploads: true });
    expect((await callerFor(anonymous).meta.portal()).allowUploads).toBe(true);
    const { actor } = await makeActor("AGENT");
    expect((await callerFor(actor).ticket.staffSettings()).uploads).toMatchObject({ maxMb: 3 });
  });
});
