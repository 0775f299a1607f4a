"use client";
// Categories admin: create / rename / default assignee, order, archive and restore.
import { useTranslations } from "next-intl";
import { Badge } from "@/app/_components/ui/badge";
import { TR, TH, TD } from "@/app/_components/ui/table";
import { localName } from "@/app/_components/status-badge";
import { AdminList } from "../../_admin/admin-list";
import { ReorderButtons } from "../../_admin/reorder-buttons";
import { RowActions, EditButton, ArchiveButton } from "../../_admin/row-actions";
import { useAdminManager } from "../../_admin/use-admin-manager";
import { useAdminMutation } from "../../_admin/use-admin-mutation";
import { CategoryDialog, type CategoryForm, type CategoryRow, type Rule } from "./category-dialog";

type Category = CategoryRow & { defaultAssignee: { id: number; name: string } | null; noTickets: boolean; assignmentRule: Rule };

const toForm = (c: Category): CategoryForm => ({ id: c.id, nameRu: c.name.ru, nameEn: c.name.en, defaultAssigneeId: c.defaultAssignee ? String(c.defaultAssignee.id) : "", parentId: c.parentId ? String(c.parentId) : "", noTickets: c.noTickets, assignmentRule: c.assignmentRule });

export function CategoriesManager({ categories, agents, header }: { categories: Category[]; agents: Array<{ id: number; label: string }>; header: React.ReactNode }) {
  const { t, tc, locale, trpc, form, setForm, close } = useAdminManager<CategoryForm>("admin.categories");
  const tf = useTranslations("fields.categories");
  const ta = useTranslations("team.assignment");
  const archive = useAdminMutation(trpc.category.archive);
  const reorder = useAdminMutation(trpc.category.reorder);
  const ids = categories.map((c) => c.id);
  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="categories" newLabel={t("new")} newTestId="category-new" ordered
        onNew={() => setForm({ nameRu: "", nameEn: "", defaultAssigneeId: "", parentId: "", noTickets: false, assignmentRule: "NONE" })}
        columns={<><TH>{t("title")}</TH><TH className="hidden sm:table-cell">{t("defaultAssignee")}</TH></>}>
        {categories.map((c, i) => (
          <TR key={c.id} className={c.archived ? "opacity-60" : undefined}>
            <TD><ReorderButtons ids={ids} index={i} name={localName(c.name, locale)} disabled={reorder.isPending} onMove={(next) => reorder.mutate({ ids: next })} /></TD>
            <TD>
              <div className="flex flex-wrap items-center gap-2">
                {c.parentId !== null && <span className="text-ink-subtle" data-testid="category-parent">{localName(categories.find((p) => p.id === c.parentId)?.name ?? { ru: "", en: "" }, locale)} ›</span>}
                <span className="font-medium">{localName(c.name, locale)}</span>
                {c.noTickets && <Badge variant="info">{tf("noTickets")}</Badge>}
                <span className="text-xs text-ink-subtle">{locale === "en" ? c.name.ru : c.name.en}</span>
                {c.archived && <Badge>{t("archived")}</Badge>}
              </div>
            </TD>
            <TD className="hidden text-ink-muted sm:table-cell">{c.assignmentRule === "NONE" ? (c.defaultAssignee?.name ?? tc("none")) : ta(c.assignmentRule)}</TD>
            <RowActions>
              <EditButton name={localName(c.name, locale)} onClick={() => setForm(toForm(c))} />
              <ArchiveButton archived={c.archived} label={c.archived ? t("unarchive") : t("archive")} onClick={() => archive.mutate({ id: c.id, archived: !c.archived })} />
            </RowActions>
          </TR>
        ))}
      </AdminList>
      <CategoryDialog form={form} setForm={setForm} onClose={close} categories={categories} agents={agents} />
    </div>
  );
}
