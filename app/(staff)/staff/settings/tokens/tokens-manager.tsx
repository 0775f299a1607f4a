"use client";
// API tokens: create with a scope and an optional lifetime (the token is shown once, with a
// copy button), list with scope, expiry and last use, revoke.
import { useState } from "react";
import { Copy, KeyRound } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { TR, TH, TD } from "@/app/_components/ui/table";
import { DialogHeader, DialogTitle, DialogBody, DialogFooter } from "@/app/_components/ui/dialog";
import { useToast } from "@/app/_components/ui/toast";
import { AdminList } from "../../_admin/admin-list";
import { AdminDialog, AdminForm } from "../../_admin/admin-dialog";
import { useAdminManager } from "../../_admin/use-admin-manager";
import { useAdminMutation } from "../../_admin/use-admin-mutation";

type Token = { id: number; name: string; prefix: string; owner: string; created: string; lastUsed: string | null; revoked: boolean; scope: "read" | "read-write"; expires: string | null; expired: boolean };
type Scope = Token["scope"];
type Form = { name: string; scope: Scope; days: string };
/** lifetimes offered in the dialog, in days; "" = until revoked */
const LIFETIMES = ["30", "90", "365", ""] as const;

export function TokensManager({ tokens, header }: { tokens: Token[]; header: React.ReactNode }) {
  const { t, tc, trpc, form, setForm, close: closeForm } = useAdminManager<Form>("admin.tokens");
  const { toast } = useToast();
  const [plain, setPlain] = useState<string | null>(null);
  const create = useAdminMutation(trpc.apiToken.create, { after: (r) => setPlain(r.token) });
  const revoke = useAdminMutation(trpc.apiToken.revoke);
  const close = () => { closeForm(); setPlain(null); };
  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="tokens" newLabel={t("new")} newTestId="token-new" onNew={() => setForm({ name: "", scope: "read-write", days: "90" })}
        empty={tokens.length === 0 && <EmptyState bordered icon={<KeyRound />} title={t("title")} description={t("description")} />}
        columns={<><TH>{t("name")}</TH><TH className="hidden md:table-cell">{t("owner")}</TH><TH className="hidden sm:table-cell">{t("expires")}</TH><TH className="hidden sm:table-cell">{t("created")}</TH><TH className="hidden lg:table-cell">{t("lastUsed")}</TH></>}>
        {tokens.map((x) => (
          <TR key={x.id} className={x.revoked ? "opacity-60" : undefined}>
            <TD>
              <div className="font-medium">{x.name}</div>
              <code className="text-xs text-ink-subtle">{x.prefix}…</code>{" "}
              <Badge data-testid="token-scope">{t(`scopes.${x.scope}`)}</Badge>
            </TD>
            <TD className="hidden text-ink-muted md:table-cell">{x.owner}</TD>
            <TD className="hidden whitespace-nowrap text-ink-muted sm:table-cell" data-testid="token-expires">{x.expired ? t("expired") : (x.expires ?? t("noExpiry"))}</TD>
            <TD className="hidden whitespace-nowrap text-ink-muted sm:table-cell">{x.created}</TD>
            <TD className="hidden whitespace-nowrap text-ink-muted lg:table-cell">{x.lastUsed ?? t("never")}</TD>
            <TD className="text-right">
              {x.revoked ? <Badge>{t("revoked")}</Badge> : (
                <Button size="sm" variant="ghost" className="text-danger-700" onClick={() => { if (window.confirm(t("revokeConfirm", { name: x.name }))) revoke.mutate({ id: x.id }); }}>{t("revoke")}</Button>
              )}
            </TD>
          </TR>
        ))}
      </AdminList>
      <AdminDialog open={form !== null} onClose={close} size="md">
        {plain ? (
          <>
            <DialogHeader><DialogTitle>{t("new")}</DialogTitle></DialogHeader>
            <DialogBody className="space-y-3">
              <Alert variant="warning">{t("shownOnce")}</Alert>
              <div className="flex gap-2">
                <Input readOnly value={plain} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="token-plain" />
                <Button variant="outline" onClick={() => { void navigator.clipboard?.writeText(plain); toast({ title: t("copied"), variant: "success" }); }}><Copy className="size-4" aria-hidden /> {t("copy")}</Button>
              </div>
            </DialogBody>
            <DialogFooter><Button onClick={close}>{t("done")}</Button></DialogFooter>
          </>
        ) : form && (
          <AdminForm title={t("new")} onSubmit={() => create.mutate({ name: form.name, scope: form.scope, expiresInDays: form.days ? Number(form.days) : null })} pending={create.isPending} submitLabel={tc("create")}>
            <Field label={t("name")} required><Input required maxLength={100} value={form.name} placeholder={t("namePlaceholder")} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
            <Field label={t("scope")} hint={t(`scopeHints.${form.scope}`)}>
              <Select name="scope" value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value as Scope })} data-testid="token-scope-select">
                <option value="read-write">{t("scopes.read-write")}</option>
                <option value="read">{t("scopes.read")}</option>
              </Select>
            </Field>
            <Field label={t("lifetime")}>
              <Select name="lifetime" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} data-testid="token-lifetime-select">
                {LIFETIMES.map((d) => <option key={d} value={d}>{d ? t("days", { n: Number(d) }) : t("noExpiry")}</option>)}
              </Select>
            </Field>
          </AdminForm>
        )}
      </AdminDialog>
    </div>
  );
}
