"use client";
// The name cell of a coloured admin row (statuses, priorities): the badge in the interface
// language, the other language beside it, then the "default" flag and any further badges.
import { useLocale } from "next-intl";
import { Star } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { localName } from "@/app/_components/status-badge";

type Props = { name: { ru: string; en: string }; color: string; dot?: boolean; isDefault: boolean; defaultLabel: string; children?: React.ReactNode };

export function NamesCell({ name, color, dot = false, isDefault, defaultLabel, children }: Props) {
  const locale = useLocale();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Badge color={color} dot={dot}>{localName(name, locale)}</Badge>
      <span className="text-xs text-ink-subtle">{locale === "en" ? name.ru : name.en}</span>
      {isDefault && <Badge variant="info"><Star className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {defaultLabel}</Badge>}
      {children}
    </div>
  );
}
