// Select options as the admin types them: one per line, "value | Русский | English" (the
// labels default to the value). Pure, so the dialog and its test share it.
export type Option = { value: string; ru: string; en: string };

export function parseOptions(text: string): Option[] {
  return text.split("\n").map((l) => l.split("|").map((x) => x.trim())).filter(([v]) => v).map(([value, ru, en]) => ({ value: value!, ru: ru || value!, en: en || ru || value! }));
}

export const formatOptions = (options: Option[]) => options.map((o) => `${o.value} | ${o.ru} | ${o.en}`).join("\n");
