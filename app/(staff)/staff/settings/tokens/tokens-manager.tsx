"use client";
// API tokens: create with a scope and an optional lifetime (the token is shown once, with a
// copy button), list with scope, expiry and last use, revoke.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Copy, KeyRound, Plus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";

type Token = { id: number; name: string; prefix: string; owner: string; created: string; lastUsed: string | null; revoked: boolean; scope: "read" | "read-write"; expires: string | null; expired: boolean };
type Scope = Token["scope"];
/** lifetimes offered in the dialog, in days; "" = until revoked */
const LIFETIMES = ["30", "90", "365", ""] as const;

export function TokensManager({ tokens, header }: { tokens: Token[]; header: React.ReactNode }) {
  const t = useTranslations("admin.tokens");
  const tc = useTranslations("admin.common");
  const trpc = useTRPC();
  const act = useAdminAction();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("read-write");
  const [days, setDays] = useState<string>("90");
  const [plain, setPlain] = useState<string | null>(null);
  const create = useMutation(trpc.apiToken.create.mutationOptions({ onSuccess: (r) => { setPlain(r.token); act.done(); }, onError: act.failed }));
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  const close = () => { setOpen(false); setPlain(null); setName(""); setScope("read-write"); setDays("90"); };
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {header}
        <Button onClick={() => setOpen(true)} data-testid="token-new"><Plus className="size-4" aria-hidden /> {t("new")}</Button>
      </div>
      {tokens.length === 0 ? (
        <EmptyState bordered icon={<KeyRound />} title={t("title")} description={t("description")} />
      ) : (
        <Table label={t("title")} data-testid="tokens">
          <THead>
            <TR><TH>{t("name")}</TH><TH className="hidden md:table-cell">{t("owner")}</TH><TH className="hidden sm:table-cell">{t("expires")}</TH><TH className="hidden sm:table-cell">{t("created")}</TH><TH className="hidden lg:table-cell">{t("lastUsed")}</TH><TH className="text-right">{tc("actions")}</TH></TR>
          </THead>
          <TBody>
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
          </TBody>
        </Table>
      )}
      <Dialog open={open} onOpenChange={(o) => { if (!o) close(); }}>
        <DialogContent size="md" closeLabel={tc("close")} aria-describedby={undefined}>
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
          ) : (
            <form onSubmit={(e) => { e.preventDefault(); create.mutate({ name, scope, expiresInDays: days ? Number(days) : null }); }}>
              <DialogHeader><DialogTitle>{t("new")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={t("name")} required><Input required maxLength={100} value={name} placeholder={t("namePlaceholder")} onChange={(e) => setName(e.target.value)} /></Field>
                <Field label={t("scope")} hint={t(`scopeHints.${scope}`)}>
                  <Select name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)} data-testid="token-scope-select">
                    <option value="read-write">{t("scopes.read-write")}</option>
                    <option value="read">{t("scopes.read")}</option>
                  </Select>
                </Field>
                <Field label={t("lifetime")}>
                  <Select name="lifetime" value={days} onChange={(e) => setDays(e.target.value)} data-testid="token-lifetime-select">
                    {LIFETIMES.map((d) => <option key={d} value={d}>{d ? t("days", { n: Number(d) }) : t("noExpiry")}</option>)}
                  </Select>
                </Field>
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" loading={create.isPending}>{tc("create")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
