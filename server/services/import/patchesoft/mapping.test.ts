// The pure mapping rules of the Patchesoft import (issue 17 after #15/#16): field types and
// options, the category tree, priorities by name, and KB HTML → Markdown.
import { describe, it, expect } from "vitest";
import { mapFieldType, parseOptions } from "./custom-fields";
import { planCategories } from "./taxonomy";
import { matchPriority, priorityRow } from "./priorities";
import { htmlMarkdown } from "./content";

describe("custom field types", () => {
  it.each([
    [0, ["a"], "text"], [5, [], "text"], [1, [], "textarea"], [2, ["Да"], "checkbox"], [2, ["a", "b"], "multiselect"],
    [3, ["a", "b"], "select"], [4, ["a"], "select"], [9, [], null],
  ] as const)("type %i with %o → %s", (type, options, expected) => {
    expect(mapFieldType(type, [...options])).toBe(expected);
  });
  it("options: split on commas, trimmed, empty and repeated ones dropped", () => {
    expect(parseOptions(" Телефон, Почта,,Почta,Почта ").map((o) => o.value)).toEqual(["Телефон", "Почта", "Почta"]);
    expect(parseOptions("")).toEqual([]);
  });
});

describe("planCategories", () => {
  const row = (ID: number, cat_parent: number, no_tickets = 0) => ({ ID, name: `c${ID}`, cat_parent, no_tickets });
  it("children keep their parent; a grandchild hangs on the top-level ancestor; no_tickets only on a parent", () => {
    const { planned, flattened } = planCategories([row(1, 0, 1), row(2, 1), row(3, 2, 1), row(4, 0, 1), row(5, 99)]);
    expect(planned.map((p) => [p.sourceId, p.row.parentSource, p.row.noTickets])).toEqual([
      ["1", null, true], ["2", "1", false], ["3", "1", false], ["4", null, false], ["5", null, false],
    ]);
    expect(flattened).toEqual([{ name: "c3", top: "c1" }]);
  });
  it("a parent cycle makes its members top-level instead of looping", () => {
    expect(planCategories([row(1, 2), row(2, 1)]).planned.map((p) => p.row.parentSource)).toEqual([null, null]);
  });
});

describe("priorities", () => {
  const seeded = [
    { id: 1, key: "low", name_ru: "Низкий", name_en: "Low" }, { id: 2, key: "normal", name_ru: "Обычный", name_en: "Normal" },
    { id: 3, key: "high", name_ru: "Высокий", name_en: "High" }, { id: 4, key: "urgent", name_ru: "Срочный", name_en: "Urgent" },
  ];
  it("Patchesoft's 0…3 link to the seeded ones; Medium is Normal", () => {
    expect([0, 1, 2, 3].map((n) => matchPriority(priorityRow(n), seeded))).toEqual([1, 2, 3, 4]);
  });
  it("by name before key, any case; a renamed seeded one is still found by its key; an unknown number matches nothing", () => {
    const renamed = [{ id: 9, key: null, name_ru: "СРЕДНИЙ", name_en: "x" }, { ...seeded[1]!, name_ru: "Обычная", name_en: "Regular" }];
    expect(matchPriority(priorityRow(1), renamed)).toBe(9);
    expect(matchPriority(priorityRow(1), renamed.slice(1))).toBe(2);
    expect(matchPriority(priorityRow(4), seeded)).toBeNull();
    expect(priorityRow(4)).toMatchObject({ nameEn: "Patchesoft priority 4" });
  });
});

describe("htmlMarkdown", () => {
  it("keeps bold, italic, links, lists and code; drops scripts, unsafe links and remote images", () => {
    const md = htmlMarkdown(`<p><b>Жирный</b> и <em>курсив</em>, <a href="https://x.example/a">ссылка</a>, <a href="javascript:alert(1)">плохая</a></p>
      <ol><li>раз</li><li>два</li></ol><p><code>lpstat -p</code></p><pre><code>line 1\nline 2</code></pre><script>alert(1)</script><img src="http://t.example/p.gif">`);
    expect(md).toContain("**Жирный** и *курсив*, [ссылка](https://x.example/a), плохая");
    expect(md).toMatch(/^1\. +раз$/m);
    expect(md).toContain("`lpstat -p`");
    expect(md).toContain("```\nline 1\nline 2\n```");
    expect(md).not.toMatch(/alert|javascript|t\.example/);
  });
  it("repairs double-encoded Cyrillic first", () => {
    expect(htmlMarkdown("<p>ÐŸÑ€Ð¸Ð²ÐµÑ‚</p>")).toBe("Привет");
  });
});
