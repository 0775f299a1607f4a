// Table tests for the custom-field schema: every type, required, access flags, partial edits.
import { describe, it, expect } from "vitest";
import { customFieldsSchema, fieldAccess, fieldFilterJson, fieldsForCategory, formatFieldValue, mergeFieldValues, visibleValues, type FieldDef } from "./custom-fields";

const opts = [{ value: "a", ru: "А", en: "A" }, { value: "b", ru: "Б", en: "B" }];
const def = (id: number, type: FieldDef["type"], extra: Partial<FieldDef> = {}): FieldDef => ({ id, type, categoryId: null, required: false, hiddenFromCustomer: false, customerEditable: true, options: type.includes("select") ? opts : [], ...extra });
const defs = [def(1, "text"), def(2, "textarea"), def(3, "number"), def(4, "date"), def(5, "checkbox"), def(6, "select"), def(7, "multiselect")];
const parse = (d: FieldDef[], input: unknown, staff = true, partial = false) => customFieldsSchema(d, { staff, partial }).safeParse(input);
const codes = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`));

describe("customFieldsSchema: values by type", () => {
  const table: Array<[string, unknown, unknown]> = [
    ["1", "  hello ", "hello"],
    ["1", "x".repeat(501), "TOO_LONG"],
    ["2", "line\nline", "line\nline"],
    ["3", 42.5, 42.5],
    ["3", "42", "FIELD_NUMBER"],
    ["4", "2026-12-02", "2026-12-02"],
    ["4", "02.12.2026", "FIELD_DATE"],
    ["4", "2026-13-45", "FIELD_DATE"],
    ["5", true, true],
    ["5", "yes", "INVALID_INPUT"],
    ["6", "a", "a"],
    ["6", "zzz", "FIELD_OPTION"],
    ["7", ["a", "b", "a"], ["a", "b"]],
    ["7", ["a", "q"], "FIELD_OPTION"],
    ["1", "", null], // empty → remove
    ["7", [], null],
  ];
  for (const [key, input, want] of table) {
    it(`field ${key} ← ${JSON.stringify(input).slice(0, 30)}`, () => {
      const r = parse(defs, { [key]: input });
      if (typeof want === "string" && /^[A-Z_]+$/.test(want)) expect(codes(r)[0]).toMatch(new RegExp(`^${key}(\\.\\d+)?:${want}$`));
      else expect(r.success && r.data[key]).toEqual(want);
    });
  }
});

describe("customFieldsSchema: required, access, unknown keys", () => {
  const req = [def(1, "text", { required: true }), def(2, "select", { required: true, hiddenFromCustomer: true }), def(3, "text", { customerEditable: false })];
  it("a required field must be filled on create", () => expect(codes(parse(req, {}, true))).toEqual(["1:REQUIRED", "2:REQUIRED"]));
  it("a customer is not asked for a hidden required field", () => expect(codes(parse(req, { 1: "x" }, false))).toEqual([]));
  it("a partial edit does not demand required fields again", () => expect(codes(parse(req, {}, true, true))).toEqual([]));
  it("a customer may not write hidden or read-only fields", () => expect(codes(parse(req, { 1: "x", 2: "a", 3: "y" }, false))).toEqual(["2:FIELD_NOT_EDITABLE", "3:FIELD_NOT_EDITABLE"]));
  it("an unknown field id is refused, not dropped", () => expect(codes(parse(req, { 1: "x", 2: "a", 99: "y" }))).toEqual(["99:FIELD_NOT_EDITABLE"]));
  it("access table", () => {
    expect(fieldAccess({ hiddenFromCustomer: true, customerEditable: true }, false)).toEqual({ see: false, edit: false });
    expect(fieldAccess({ hiddenFromCustomer: false, customerEditable: false }, false)).toEqual({ see: true, edit: false });
    expect(fieldAccess({ hiddenFromCustomer: true, customerEditable: false }, true)).toEqual({ see: true, edit: true });
  });
});

describe("helpers", () => {
  it("fields of a category: global, own and the parent's", () => {
    const d = [def(1, "text"), def(2, "text", { categoryId: 5 }), def(3, "text", { categoryId: 6 }), def(4, "text", { categoryId: 7 })];
    expect(fieldsForCategory(d, 6, 5).map((x) => x.id)).toEqual([1, 2, 3]);
    expect(fieldsForCategory(d, 7, null).map((x) => x.id)).toEqual([1, 4]);
  });
  it("merge records what changed, null removes", () => {
    const r = mergeFieldValues({ 1: "a", 2: 3 }, { 1: "a", 2: null, 5: true });
    expect(r.next).toEqual({ 1: "a", 5: true });
    expect(r.changed).toEqual([{ field: "2", from: 3, to: null }, { field: "5", from: null, to: true }]);
  });
  it("customers never see hidden values", () => expect(visibleValues({ 1: "a", 2: "b" }, [def(1, "text"), def(2, "text", { hiddenFromCustomer: true })], false)).toEqual({ 1: "a" }));
  it("filter JSON per type", () => {
    expect(fieldFilterJson(def(3, "number"), "7")).toBe('{"3":7}');
    expect(fieldFilterJson(def(3, "number"), "x")).toBeNull();
    expect(fieldFilterJson(def(7, "multiselect"), "a")).toBe('{"7":["a"]}');
    expect(fieldFilterJson(def(5, "checkbox"), "true")).toBe('{"5":true}');
  });
  it("formats values with option labels", () => {
    expect(formatFieldValue(def(7, "multiselect"), ["a", "b"], "ru")).toBe("А, Б");
    expect(formatFieldValue(def(5, "checkbox"), false, "en")).toBe("no");
  });
});
