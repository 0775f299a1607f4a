import { Avatar } from "@/app/_components/ui/avatar";
import { Badge } from "@/app/_components/ui/badge";
import { Kbd } from "@/app/_components/ui/kbd";
import { Pagination } from "@/app/_components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { Section } from "./section";

const tickets = [
  { id: 1042, subject: "Cannot log in after password reset", who: "Анна Петрова", status: ["Open", "#2563eb"], updated: "5 min ago" },
  { id: 1041, subject: "Invoice for March is missing VAT number", who: "Bob Miller", status: ["Waiting on customer", "#f59e0b"], updated: "1 h ago" },
  { id: 1039, subject: "Export to CSV breaks on Cyrillic names", who: "Игорь Смирнов", status: ["Escalated", "#dc2626"], updated: "Yesterday" },
  { id: 1035, subject: "Feature request: dark mode", who: "carol@example.com", status: ["Solved", "#16a34a"], updated: "3 days ago" },
  { id: 1030, subject: "Custom status with a light colour", who: "Dmitri K.", status: ["On hold", "#facc15"], updated: "1 week ago" },
] as const;

export function DemoBadges() {
  return (
    <Section title="Badges, avatars, keys" description="Custom status colours get a readable tint.">
      <div className="flex flex-wrap gap-2">
        <Badge>Neutral</Badge>
        <Badge variant="info">Info</Badge>
        <Badge variant="success" dot>
          Success
        </Badge>
        <Badge variant="warning">Warning</Badge>
        <Badge variant="danger" dot>
          Danger
        </Badge>
      </div>
      <div className="flex flex-wrap gap-2">
        {["#6366f1", "#0ea5e9", "#14b8a6", "#84cc16", "#facc15", "#f97316", "#ec4899", "#64748b", "#000", "#fff"].map((c) => (
          <Badge key={c} color={c} dot>
            {c}
          </Badge>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Avatar name="Анна Петрова" size="xs" />
        <Avatar name="Bob Miller" size="sm" />
        <Avatar name="carol@example.com" />
        <Avatar name="Игорь Смирнов" size="lg" />
        <Avatar name="Zoë O'Brien" size="xl" />
        <span className="text-sm text-ink-muted">
          Search <Kbd>Ctrl</Kbd> <Kbd>K</Kbd> · Reply <Kbd>R</Kbd>
        </span>
      </div>
    </Section>
  );
}

export function DemoTable() {
  return (
    <div className="grid gap-1">
      <Table label="Tickets">
        <THead>
          <TR>
            <TH>Ticket</TH>
            <TH>Subject</TH>
            <TH>Requester</TH>
            <TH>Status</TH>
            <TH className="text-right">Updated</TH>
          </TR>
        </THead>
        <TBody>
          {tickets.map((t) => (
            <TR key={t.id} interactive>
              <TD className="font-mono text-xs text-ink-muted">#{t.id}</TD>
              <TD className="max-w-80 min-w-56">
                <a href="#tickets" className="font-medium hover:underline">
                  {t.subject}
                </a>
              </TD>
              <TD>
                <span className="flex items-center gap-2 whitespace-nowrap">
                  <Avatar name={t.who} size="sm" decorative />
                  {t.who}
                </span>
              </TD>
              <TD>
                <Badge color={t.status[1]} dot>
                  {t.status[0]}
                </Badge>
              </TD>
              <TD className="text-right whitespace-nowrap text-ink-muted">{t.updated}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <Pagination label="Pagination" prevLabel="Previous" nextLabel="Next" nextHref="/ui-kit?page=2" status="1–5 of 42" />
    </div>
  );
}
