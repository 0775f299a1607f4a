import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { caller } from "@/app/_trpc/server";
import { requireAdmin } from "@/app/_lib/require";
import { TEMPLATE_KEYS, TEMPLATE_LOCALES, type TemplateKey, type TemplateLocale } from "@/server/domain/mail/template-keys";
import { TemplateEditor } from "./template-editor";

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ key?: string; locale?: string }> }) {
  await requireAdmin("/staff/settings/outbound/templates");
  const sp = await searchParams;
  const key: TemplateKey = (TEMPLATE_KEYS as readonly string[]).includes(sp.key ?? "") ? (sp.key as TemplateKey) : "ticket.created";
  const locale: TemplateLocale = sp.locale === "en" ? "en" : "ru";
  const t = await getTranslations("outbound.templates");
  const ts = await getTranslations("outbound.settings");
  const api = await caller();
  const [list, current] = [await api.mailTemplate.list(), await api.mailTemplate.get({ key, locale })];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description", { example: "{{ticket.number}}" })}
        actions={<Link className="text-sm text-primary-700 hover:underline" href="/staff/settings/outbound">← {ts("title")}</Link>}
      />
      <nav aria-label={t("template")} className="flex flex-wrap gap-2" data-testid="template-list">
        {TEMPLATE_KEYS.map((k) => (
          <div key={k} className="flex overflow-hidden rounded-md border border-line text-sm">
            {TEMPLATE_LOCALES.map((l) => {
              const row = list.find((r) => r.key === k && r.locale === l)!;
              const active = k === key && l === locale;
              return (
                <Link
                  key={l}
                  href={`/staff/settings/outbound/templates?key=${encodeURIComponent(k)}&locale=${l}`}
                  aria-current={active ? "page" : undefined}
                  className={active ? "bg-primary-600 px-2 py-1 text-white" : "px-2 py-1 hover:bg-subtle"}
                >
                  {l === TEMPLATE_LOCALES[0] ? `${t(`keys.${k.replace(".", "_")}` as never)} · ` : ""}
                  {l.toUpperCase()}
                  {row.overridden ? " ✎" : ""}
                </Link>
              );
            })}
          </div>
        ))}
      </nav>
      <TemplateEditor key={`${key}:${locale}`} tKey={key} locale={locale} initial={current.template} overridden={current.overridden} placeholders={current.placeholders} />
    </div>
  );
}
