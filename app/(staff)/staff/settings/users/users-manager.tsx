"use client";
// Team admin: invite agents (set-password mail), change roles, deactivate / reactivate.
import { UserPlus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Avatar } from "@/app/_components/ui/avatar";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { TR, TH, TD } from "@/app/_components/ui/table";
import { AdminList } from "../../_admin/admin-list";
import { AdminDialog, AdminForm } from "../../_admin/admin-dialog";
import { useAdminManager } from "../../_admin/use-admin-manager";
import { useAdminMutation } from "../../_admin/use-admin-mutation";

type Role = "CUSTOMER" | "AGENT" | "ADMIN" | "MANAGER";
type StaffRole = Exclude<Role, "CUSTOMER">;
type U = { id: number; name: string; email: string; role: Role; isActive: boolean };
type Form = { name: string; email: string; locale: "ru" | "en"; role: StaffRole };

export function UsersManager({ users, meId, header }: { users: U[]; meId: number; header: React.ReactNode }) {
  const { t, locale, trpc, form, setForm, close } = useAdminManager<Form>("admin.users");
  const invite = useAdminMutation(trpc.user.invite, { message: (u) => t("invited", { email: u.email }), after: close });
  const setRole = useAdminMutation(trpc.user.setRole);
  const hydrated = useHydrated();
  const setActive = useAdminMutation(trpc.user.setActive);
  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="users" newLabel={t("invite")} newTestId="invite" newIcon={UserPlus} onNew={() => setForm({ name: "", email: "", locale: locale === "en" ? "en" : "ru", role: "AGENT" })}
        columns={<><TH>{t("name")}</TH><TH className="w-44">{t("role")}</TH><TH className="hidden sm:table-cell">{t("status")}</TH></>}>
        {users.map((u) => {
          const me = u.id === meId;
          return (
            <TR key={u.id} className={u.isActive ? undefined : "opacity-60"} data-testid="user-row">
              <TD>
                <div className="flex min-w-0 items-center gap-3">
                  <Avatar name={u.name} size="sm" decorative />
                  <div className="min-w-0">
                    <div className="truncate font-medium">{u.name}{me && <span className="text-ink-subtle"> ({t("you")})</span>}</div>
                    <div className="truncate text-xs text-ink-subtle">{u.email}</div>
                  </div>
                </div>
              </TD>
              <TD>
                <Select aria-label={`${t("role")}: ${u.name}`} value={u.role} disabled={!hydrated || me || setRole.isPending} onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value as Role })}>
                  {(["AGENT", "MANAGER", "ADMIN", "CUSTOMER"] as const).map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                </Select>
              </TD>
              <TD className="hidden sm:table-cell">{u.isActive ? <Badge variant="success" dot>{t("active")}</Badge> : <Badge dot>{t("inactive")}</Badge>}</TD>
              <TD className="text-right">
                {!me && (u.isActive ? (
                  <Button size="sm" variant="ghost" className="text-danger-700" onClick={() => { if (window.confirm(t("deactivateConfirm", { name: u.name }))) setActive.mutate({ id: u.id, active: false }); }}>{t("deactivate")}</Button>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => setActive.mutate({ id: u.id, active: true })}>{t("reactivate")}</Button>
                ))}
              </TD>
            </TR>
          );
        })}
      </AdminList>
      <AdminDialog open={form !== null} onClose={close} size="sm">
        {form && (
          <AdminForm title={t("inviteTitle")} onSubmit={() => invite.mutate(form)} pending={invite.isPending} submitLabel={t("invite")}>
            <Field label={t("name")} required><Input name="name" required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
            <Field label={t("email")} required><Input name="email" type="email" required maxLength={254} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label={t("role")}>
                <Select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}>
                  {(["AGENT", "MANAGER", "ADMIN"] as const).map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                </Select>
              </Field>
              <Field label={t("language")}>
                <Select value={form.locale} onChange={(e) => setForm({ ...form, locale: e.target.value as "ru" | "en" })}>
                  <option value="ru">Русский</option>
                  <option value="en">English</option>
                </Select>
              </Field>
            </div>
          </AdminForm>
        )}
      </AdminDialog>
    </div>
  );
}
