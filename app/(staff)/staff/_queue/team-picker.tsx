"use client";
// Team checkboxes for sharing a saved view (admins and managers only get a team list).
import { useTranslations } from "next-intl";
import { Checkbox } from "@/app/_components/ui/checkbox";

export function TeamPicker({ teams, value, onChange }: { teams: { id: number; name: string }[]; value: number[]; onChange: (ids: number[]) => void }) {
  const t = useTranslations("live.views");
  if (!teams.length) return null;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("share")}</legend>
      <p className="text-xs text-ink-subtle">{t("shareHint")}</p>
      {teams.map((tm) => (
        <Checkbox key={tm.id} label={tm.name} checked={value.includes(tm.id)} data-testid={`share-team-${tm.id}`}
          onChange={(e) => onChange(e.target.checked ? [...value, tm.id] : value.filter((x) => x !== tm.id))} />
      ))}
    </fieldset>
  );
}
