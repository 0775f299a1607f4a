"use client";
// Form fields admin dialogs share: the Russian and English names of a row, and a colour picker
// with a live badge preview (statuses, priorities).
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";

type Names = { nameRu: string; nameEn: string };
/** the form of a named, coloured row (statuses, priorities) */
export type ColoredForm = Names & { id?: number; color: string };

export function NameFields({ value, maxLength, onChange }: { value: Names; maxLength: number; onChange: (names: Names) => void }) {
  const tc = useTranslations("admin.common");
  return (
    <>
      <Field label={tc("nameRu")} required><Input name="nameRu" required maxLength={maxLength} value={value.nameRu} onChange={(e) => onChange({ ...value, nameRu: e.target.value })} /></Field>
      <Field label={tc("nameEn")} required><Input name="nameEn" required maxLength={maxLength} value={value.nameEn} onChange={(e) => onChange({ ...value, nameEn: e.target.value })} /></Field>
    </>
  );
}

/** The preview shows the name in the interface language, as the lists do. */
export function ColorField({ label, value, dot = false, onChange }: { label: string; value: Names & { color: string }; dot?: boolean; onChange: (color: string) => void }) {
  const locale = useLocale();
  return (
    <Field label={label}>
      <div className="flex items-center gap-2">
        <input type="color" aria-label={label} value={value.color} onChange={(e) => onChange(e.target.value)} className="h-9 w-12 cursor-pointer rounded-md border border-line bg-surface p-1" />
        <Badge color={value.color} dot={dot}>{(locale === "en" ? value.nameEn : value.nameRu) || "—"}</Badge>
      </div>
    </Field>
  );
}
