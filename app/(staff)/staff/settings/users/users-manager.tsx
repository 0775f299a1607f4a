"use client";
// Team admin: invite agents (set-password mail), change roles, deactivate / reactivate.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { UserPlus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Avatar } from "@/app/_components/ui/avatar";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";

type Role = "CUSTOMER" | "AGENT" | "ADMIN" | "MANAGER";
type U = { id: number; name: string; email: string; role: Role; isActive: boolean };

export function UsersManager({ users, meId, header }: { users: U[]; meId: number; header: React.ReactNode }) {
  const t = useTranslations("admin.users");
  const tc = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const act = useAdminAction();
  const [form, setForm] = useState<{ name: string; email: string; locale: "ru" | "en"; role: "AGENT" | "ADMIN" | "MANAGER" } | null>(null);
  const invite = useMutation(trpc.user.invite.mutationOptions({ onSuccess: (u) => { setForm(null); act.done(t("invited", { email: u.email })); }, onError: act.failed }));
  const setRole = useMutation(trpc.user.setRole.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  const setActive = useMutation(trpc.user.setActive.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {header}
        <Button onClick={() => setForm({ name: "", email: "", locale: locale === "en" ? "en" : "ru", role: "AGENT" })} data-testid="invite"><UserPlus className="size-4" aria-hidden /> {t("invite")}</Button>
      </div>
      <Table label={t("title")} data-testid="users">
        <THead>
          <TR><TH>{t("name")}</TH><TH className="w-44">{t("role")}</TH><TH className="hidden sm:table-cell">{t("status")}</TH><TH className="text-right">{tc("actions")}</TH></TR>
        </THead>
        <TBody>
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
                  <Select aria-label={`${t("role")}: ${u.name}`} value={u.role} disabled={me || setRole.isPending} onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value as Role })}>
                    {(["AGENT", "MANAGER", "ADMIN", "CUSTOMER"] as const).map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                  </Select>
                </TD>
                <TD className="hidden sm:table-cell">{u.isActive ? <Badge variant="success" dot>{t("active")}</Badge> : <Badge dot>{t("inactive")}</Badge>}</TD>
                <TD className="text-right">
                  {!me && (
                    u.isActive ? (
                      <Button size="sm" variant="ghost" className="text-danger-700" onClick={() => { if (window.confirm(t("deactivateConfirm", { name: u.name }))) setActive.mutate({ id: u.id, active: false }); }}>{t("deactivate")}</Button>
                    ) : (
                      <Button size="sm" variant="ghost" onClick={() => setActive.mutate({ id: u.id, active: true })}>{t("reactivate")}</Button>
                    )
                  )}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <Dialog open={form !== null} onOpenChange={(o) => { if (!o) setForm(null); }}>
        <DialogContent size="sm" closeLabel={tc("close")} aria-describedby={undefined}>
          {form && (
            <form onSubmit={(e) => { e.preventDefault(); invite.mutate(form); }}>
              <DialogHeader><DialogTitle>{t("inviteTitle")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={t("name")} required><Input name="name" required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
                <Field label={t("email")} required><Input name="email" type="email" required maxLength={254} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></Field>
                <div className="grid grid-cols-2 gap-3">
                  <Field label={t("role")}>
                    <Select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as "AGENT" | "ADMIN" | "MANAGER" })}>
                      <option value="AGENT">{t("roles.AGENT")}</option>
                      <option value="MANAGER">{t("roles.MANAGER")}</option>
                      <option value="ADMIN">{t("roles.ADMIN")}</option>
                    </Select>
                  </Field>
                  <Field label={t("language")}>
                    <Select value={form.locale} onChange={(e) => setForm({ ...form, locale: e.target.value as "ru" | "en" })}>
                      <option value="ru">Русский</option>
                      <option value="en">English</option>
                    </Select>
                  </Field>
                </div>
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" loading={invite.isPending}>{t("invite")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
