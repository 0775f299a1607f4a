// Staff writing through the real router: create with a generated slug, update with a version
// check and a revision naming the changed fields and the author, preview, images, categories.
import { describe, it, expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { PNG_1x1 } from "@/server/testing/portal-helpers";
import { makeKbCategory } from "@/server/testing/kb-fixtures";
import { anonymous } from "@/server/domain/actor";
import { readKbImage } from "@/server/services/kb/images";

const reason = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)));
const fields = (categoryId: number) => ({ categoryId, kind: "ARTICLE" as const, visibility: "PUBLIC" as const, isPublished: false, titleRu: "Доставка заказа", bodyRu: "Текст", titleEn: "", bodyEn: "" });

describe("kb editing", () => {
  it("creates with a transliterated slug, updates with revisions, refuses stale versions", async () => {
    const agent = await makeActor("AGENT");
    const c = await makeKbCategory();
    const api = callerFor(agent.actor).kb;
    const a = await api.create(fields(c.id));
    expect(a).toMatchObject({ slug: "dostavka-zakaza", version: 1 });
    expect((await api.create(fields(c.id))).slug).toBe("dostavka-zakaza-2");
    const u = await api.update({ id: a.id, version: 1, ...fields(c.id), titleEn: "Order delivery", bodyEn: "Text", isPublished: true });
    expect(u.version).toBe(2);
    expect(await reason(api.update({ id: a.id, version: 1, ...fields(c.id) }))).toBe("CONFLICT:STALE_UPDATE");
    const revs = await api.revisions({ articleId: a.id });
    expect(revs.map((r) => [r.version, r.changed, r.author?.name])).toEqual([
      [2, ["isPublished", "titleEn", "bodyEn"], agent.user.name],
      [1, ["created"], agent.user.name],
    ]);
    const got = await api.get({ id: a.id });
    expect([got.titleEn, got.isPublished, got.version]).toEqual(["Order delivery", true, 2]);
    expect((await api.list({ q: "order" })).map((x) => x.id)).toEqual([a.id]);
  });

  it("validates: a title in some language, a title for each body, slugs well-formed and free", async () => {
    const agent = await makeActor("AGENT");
    const c = await makeKbCategory();
    const api = callerFor(agent.actor).kb;
    expect(await reason(api.create({ ...fields(c.id), titleRu: "" }))).toBe("BAD_REQUEST:KB_TITLE_REQUIRED");
    expect(await reason(api.create({ ...fields(c.id), bodyEn: "body without title" }))).toBe("BAD_REQUEST:KB_TITLE_REQUIRED");
    expect(await reason(api.create({ ...fields(c.id), slug: "Bad Slug" }))).toBe("BAD_REQUEST:KB_SLUG_INVALID");
    await api.create({ ...fields(c.id), slug: "taken" });
    expect(await reason(api.create({ ...fields(c.id), slug: "taken" }))).toBe("CONFLICT:KB_SLUG_TAKEN");
    expect(await reason(api.create({ ...fields(999_999) }))).toBe("BAD_REQUEST:KB_CATEGORY_NOT_FOUND");
    expect(await reason(api.create({ ...fields(c.id), bodyRu: "x".repeat(100_001) }))).toMatch(/^BAD_REQUEST/);
  });

  it("previews with the page renderer; deletes", async () => {
    const agent = await makeActor("AGENT");
    const c = await makeKbCategory();
    const api = callerFor(agent.actor).kb;
    expect((await api.preview({ body: "**b** <script>x</script>" })).html).toBe("<p><strong>b</strong> </p>\n");
    const a = await api.create(fields(c.id));
    expect(await api.delete({ id: a.id })).toEqual({ id: a.id });
    expect(await reason(api.get({ id: a.id }))).toBe("NOT_FOUND:ARTICLE_NOT_FOUND");
  });

  it("stores images through the upload storage, refuses non-images, serves them to KB readers", async () => {
    const agent = await makeActor("AGENT");
    const api = callerFor(agent.actor).kb;
    const img = await api.uploadImage({ fileName: "screen shot.png", contentBase64: PNG_1x1.toString("base64") });
    expect(img.markdown).toBe(`![screen shot](/kb/images/${img.id})`);
    const read = await readKbImage(anonymous, img.id);
    expect([read.contentType, read.data.equals(PNG_1x1), read.publicCache]).toEqual(["image/png", true, true]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString("base64");
    expect(await reason(api.uploadImage({ fileName: "x.svg", contentBase64: svg }))).toBe("BAD_REQUEST:FILE_TYPE_NOT_ALLOWED");
  });

  it("categories: one level of sub-categories; only empty ones can be deleted", async () => {
    const admin = await makeActor("ADMIN");
    const api = callerFor(admin.actor).kb;
    const top = await api.createCategory({ parentId: null, nameRu: "Оплата", nameEn: "Billing" });
    expect(top.slug).toBe("billing");
    const sub = await api.createCategory({ parentId: top.id, nameRu: "Счета", nameEn: "" });
    expect(sub.slug).toBe("scheta");
    expect(await reason(api.createCategory({ parentId: sub.id, nameRu: "Глубже", nameEn: "" }))).toBe("BAD_REQUEST:KB_CATEGORY_DEPTH");
    expect(await reason(api.updateCategory({ id: top.id, parentId: sub.id, nameRu: "Оплата", nameEn: "Billing" }))).toBe("BAD_REQUEST:KB_CATEGORY_DEPTH");
    expect(await reason(api.deleteCategory({ id: top.id }))).toBe("CONFLICT:KB_CATEGORY_NOT_EMPTY");
    expect(await api.deleteCategory({ id: sub.id })).toEqual({ id: sub.id });
    expect((await api.categories()).map((c) => c.slug)).toEqual(["billing"]);
  });
});
