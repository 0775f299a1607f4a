// The article's history: who saved which fields when (server component).
import { getLocale, getTranslations } from "next-intl/server";
import { History } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Avatar } from "@/app/_components/ui/avatar";

type Revision = { id: number; version: number; changed: string[]; createdAt: Date; author: { name: string } | null };

export async function RevisionList({ revisions }: { revisions: Revision[] }) {
  const t = await getTranslations("kb.editor");
  const fmt = new Intl.DateTimeFormat((await getLocale()) === "en" ? "en-GB" : "ru-RU", { dateStyle: "medium", timeStyle: "short" });
  const field = (k: string) => (t.has(`fields.${k}` as never) ? t(`fields.${k}` as never) : k);
  return (
    <Card>
      <CardHeader><CardTitle as="h2" className="flex items-center gap-2"><History className="size-4 text-ink-subtle" aria-hidden />{t("history")}</CardTitle></CardHeader>
      <CardContent className="pt-3 pb-4">
        {revisions.length === 0 ? <p className="text-sm text-ink-muted">{t("historyEmpty")}</p> : (
          <ol className="space-y-3" data-testid="kb-history">
            {revisions.map((r) => (
              <li key={r.id} className="flex gap-3">
                <Avatar name={r.author?.name ?? t("system")} size="sm" decorative />
                <div className="min-w-0 text-sm">
                  <p className="text-ink"><span className="font-medium">{r.author?.name ?? t("system")}</span> · <span className="text-ink-muted">{t("revision", { version: r.version })}</span></p>
                  <p className="text-ink-muted">{r.changed.map(field).join(", ")}</p>
                  <p className="text-xs text-ink-subtle"><time dateTime={r.createdAt.toISOString()}>{fmt.format(r.createdAt)}</time></p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
