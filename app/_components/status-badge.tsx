import { Badge } from "@/app/_components/ui/badge";

export function StatusBadge({ status, locale }: { status: { name: { ru: string; en: string }; color: string }; locale: string }) {
  return (
    <Badge color={status.color} dot data-testid="status-badge">
      {locale === "en" ? status.name.en : status.name.ru}
    </Badge>
  );
}

export const localName = (n: { ru: string; en: string }, locale: string) => (locale === "en" ? n.en : n.ru);
