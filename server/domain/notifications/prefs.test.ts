import { describe, it, expect } from "vitest";
import { DEFAULT_PREFS, readPrefs } from "./prefs";

describe("readPrefs: whatever the column holds becomes whole preferences", () => {
  const cases: [string, unknown, Partial<ReturnType<typeof readPrefs>>][] = [
    ["null → defaults", null, DEFAULT_PREFS],
    ["an array → defaults", [1, 2], DEFAULT_PREFS],
    ["first-wave boolean: mail off, in-app default kept", { newTicket: false }, { newTicket: { mail: false, app: true } }],
    ["one channel given, the other from the defaults", { anyReply: { mail: true } }, { anyReply: { mail: true, app: true } }],
    ["both channels", { mention: { mail: false, app: false } }, { mention: { mail: false, app: false } }],
    ["a non-boolean channel → that event's defaults", { assigned: { mail: "yes", app: false } }, { assigned: DEFAULT_PREFS.assigned }],
    ["an unknown channel → that event's defaults", { assigned: { mail: false, sms: true } }, { assigned: DEFAULT_PREFS.assigned }],
    ["unknown events are ignored", { somethingElse: { mail: false } }, DEFAULT_PREFS],
  ];
  it.each(cases)("%s", (_name, stored, expected) => {
    const got = readPrefs(stored);
    expect(Object.keys(got).sort()).toEqual(Object.keys(DEFAULT_PREFS).sort());
    expect(got).toMatchObject(expected);
  });
});
