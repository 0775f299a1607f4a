// Staff: every article (drafts and internal ones too), filterable, with links to the editor.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BookOpen, FolderTree, Plus } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { requireStaff } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { isAdmin } from "@/server/domain/actor";
import { pickName } from "@/server/domain/kb/language";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("kb.staff"))("title") };
}

const VIS = { PUBLIC: "success", CUSTOMERS: "info", STAFF: "danger" } as const;

export default async function StaffKbPage({ searchParams }: { searchParams: Promise<{ q?: string; category?: string }> }) {
  const actor = await requireStaff("/staff/kb");
  const sp = await searchParams;
  const t = await getTranslations("kb");
  const lang = (await getLocale()) === "en" ? "en" : "ru";
  const api = await caller();
  const categoryId = Number(sp.category) || undefined;
  const [items, categories] = await Promise.all([api.kb.list({ q: sp.q?.slice(0, 200), categoryId }), api.kb.categories()]);
  const catName = new Map(categories.map((c) => [c.id, pickName(c, lang)]));
  const fmt = new Intl.DateTimeFormat(lang === "ru" ? "ru-RU" : "en-GB", { dateStyle: "medium" });
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("staff.title")}
        description={t("staff.description")}
        actions={
          <>
            <Button asChild variant="outline"><Link href="/kb"><BookOpen className="size-4" aria-hidden />{t("nav")}</Link></Button>
            {isAdmin(actor) && <Button asChild variant="outline"><Link href="/staff/kb/categories"><FolderTree className="size-4" aria-hidden />{t("staff.categories")}</Link></Button>}
            <Button asChild><Link href="/staff/kb/new" data-testid="kb-new"><Plus className="size-4" aria-hidden />{t("staff.newArticle")}</Link></Button>
          </>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label={t("staff.searchLabel")}>
        <label className="sr-only" htmlFor="kb-staff-q">{t("staff.searchLabel")}</label>
        <Input id="kb-staff-q" name="q" type="search" defaultValue={sp.q ?? ""} placeholder={t("staff.searchPlaceholder")} className="w-64" />
        <label className="sr-only" htmlFor="kb-staff-cat">{t("staff.colCategory")}</label>
        <Select id="kb-staff-cat" name="category" defaultValue={categoryId ?? ""} containerClassName="w-56">
          <option value="">{t("staff.allCategories")}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{c.parentId ? "— " : ""}{pickName(c, lang)}</option>)}
        </Select>
        <Button type="submit" variant="outline">{t("staff.filter")}</Button>
      </form>
      {items.length === 0 ? (
        <EmptyState bordered icon={<BookOpen />} title={t("staff.empty")} description={t("staff.emptyHint")} />
      ) : (
        <Table label={t("staff.listLabel")} data-testid="kb-staff-list">
          <THead>
            <TR><TH>{t("staff.colTitle")}</TH><TH>{t("staff.colCategory")}</TH><TH>{t("staff.colStatus")}</TH><TH>{t("staff.colVisibility")}</TH><TH className="text-right">{t("staff.colViews")}</TH><TH>{t("staff.colUpdated")}</TH></TR>
          </THead>
          <TBody>
            {items.map((a) => (
              <TR key={a.id} interactive>
                <TD className="max-w-md">
                  <Link href={`/staff/kb/${a.id}`} className="font-medium text-ink hover:text-primary-700 hover:underline">{pickName({ nameRu: a.titleRu, nameEn: a.titleEn }, lang) || t("staff.untitled")}</Link>
                  <div className="flex items-center gap-2 text-xs text-ink-subtle">
                    <span>/{a.slug}</span>
                    {a.kind === "FAQ" && <Badge variant="neutral">FAQ</Badge>}
                    {[a.titleRu && "RU", a.titleEn && "EN"].filter(Boolean).join(" · ")}
                  </div>
                </TD>
                <TD className="text-ink-muted">{catName.get(a.categoryId)}</TD>
                <TD><Badge variant={a.isPublished ? "success" : "warning"} dot>{a.isPublished ? t("staff.published") : t("staff.draft")}</Badge></TD>
                <TD><Badge variant={VIS[a.visibility]}>{t(`visibility.${a.visibility}`)}</Badge></TD>
                <TD className="text-right tabular-nums">{a.viewCount}</TD>
                <TD className="whitespace-nowrap text-ink-muted">{fmt.format(a.updatedAt)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
