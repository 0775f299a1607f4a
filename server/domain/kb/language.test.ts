import { describe, it, expect } from "vitest";
import { pickLanguage, languagesOf, pickName } from "./language";
import { slugify, isValidSlug, nextFreeSlug } from "./slug";

const both = { titleRu: "Сброс пароля", bodyRu: "Тело", titleEn: "Reset password", bodyEn: "Body" };
const ruOnly = { ...both, titleEn: "", bodyEn: "" };
const enOnly = { ...both, titleRu: " ", bodyRu: "" };

describe("pickLanguage", () => {
  it.each([
    [both, "ru", "ru", false],
    [both, "en", "en", false],
    [ruOnly, "en", "ru", true],
    [ruOnly, "ru", "ru", false],
    [enOnly, "ru", "en", true],
    [enOnly, "en", "en", false],
  ] as const)("%o wanted %s → %s (fallback %s)", (a, wanted, lang, fallback) => {
    const r = pickLanguage(a, wanted);
    expect([r.lang, r.fallback]).toEqual([lang, fallback]);
    expect(r.title).toBe(lang === "ru" ? a.titleRu : a.titleEn);
  });

  it("languagesOf lists the versions that exist; pickName falls back", () => {
    expect([languagesOf(both), languagesOf(ruOnly), languagesOf(enOnly)]).toEqual([["ru", "en"], ["ru"], ["en"]]);
    expect(pickName({ nameRu: "", nameEn: "Billing" }, "ru")).toBe("Billing");
  });
});

describe("slugs", () => {
  it.each([
    ["Как сбросить пароль?", "kak-sbrosit-parol"],
    ["Reset your password — quickly!", "reset-your-password-quickly"],
    ["  Щука и ёж  ", "shchuka-i-ezh"],
    ["Café crème", "cafe-creme"],
    ["!!!", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("validates and finds a free variant", () => {
    expect([isValidSlug("a-b-1"), isValidSlug("A"), isValidSlug("a--b"), isValidSlug("-a"), isValidSlug("x".repeat(101))]).toEqual([true, false, false, false, false]);
    expect(nextFreeSlug("faq", new Set(["faq", "faq-2"]))).toBe("faq-3");
    expect(nextFreeSlug("new", new Set())).toBe("new");
  });
});

describe("searchKey", () => {
  it("transliterates both titles into Latin words for trigrams", async () => {
    const { searchKey } = await import("./slug");
    expect(searchKey("Как сбросить пароль? Reset password!")).toBe("kak sbrosit parol reset password");
  });
});
