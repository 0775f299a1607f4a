import { Badge } from "@/app/_components/ui/badge";
import { localName } from "./status-badge";

/** A ticket's priority (issue 15.1): its colour and its name in the UI language. */
export function PriorityBadge({ priority, locale }: { priority: { name: { ru: string; en: string }; color: string }; locale: string }) {
  return (
    <Badge color={priority.color} data-testid="priority-badge">
      {localName(priority.name, locale)}
    </Badge>
  );
}
