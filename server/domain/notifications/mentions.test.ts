import { describe, it, expect } from "vitest";
import { parseMentions, mentionText, activeMention, MAX_MENTIONS } from "./mentions";

const people = [
  { id: 1, name: "Anna", email: "anna@desk.example" },
  { id: 2, name: "Anna Lee", email: "alee@desk.example" },
  { id: 3, name: "Борис Иванов", email: "boris@desk.example" },
];

describe("parseMentions", () => {
  it.each<[string, number[]]>([
    ["@Anna please look", [1]],
    ["@Anna Lee please look", [2]],
    ["cc @anna lee and @Anna", [2, 1]],
    ["@Борис Иванов, посмотрите", [3]],
    ["@борис\nиванов", [3]],
    ["(@boris)", [3]],
    ["@alee: see above, @alee again", [2]],
    ["write to ops@anna.example", []],
    ["@Annabel is not Anna", []],
    ["@nobody here", []],
    ["", []],
    ["@", []],
  ])("%j → %j", (text, ids) => {
    expect(parseMentions(text, people)).toEqual(ids);
  });

  it("looks at no more than MAX_MENTIONS @ signs", () => {
    expect(parseMentions(`${"@x ".repeat(MAX_MENTIONS)}@Anna`, people)).toEqual([]);
    expect(parseMentions(`${"@x ".repeat(MAX_MENTIONS - 1)}@Anna`, people)).toEqual([1]);
  });

  it("what the composer inserts parses back to the person", () => {
    expect(parseMentions(`${mentionText({ name: "  Anna   Lee " })}hi`, people)).toEqual([2]);
  });
});

describe("activeMention (what the composer offers names for)", () => {
  it.each<[string, { start: number; query: string } | null]>([
    ["@", { start: 0, query: "" }],
    ["hi @An", { start: 3, query: "An" }],
    ["hi @Anna L", { start: 3, query: "Anna L" }],
    ["hi @Anna Lee done", null],
    ["mail ops@an", null],
    ["@an\nx", null],
    ["no at sign", null],
  ])("%j", (text, expected) => {
    expect(activeMention(text, text.length)).toEqual(expected);
  });
});
