"use client";
// Who the ticket is for: search existing customers by e-mail or name, or type a new address
// (then a name and the language of the customer's mails).
import { useState } from "react";
import { useDebounced } from "@/app/_lib/use-debounced";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { UserRound, X } from "lucide-react";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Button } from "@/app/_components/ui/button";
import { useTRPC } from "@/app/_trpc/client";

export type PickedCustomer = { userId: number; name: string; email: string } | { email: string; name: string; locale: "ru" | "en" } | null;

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());

export function CustomerPicker({ value, onChange, defaultLocale, error }: { value: PickedCustomer; onChange: (c: PickedCustomer) => void; defaultLocale: "ru" | "en"; error?: string }) {
  const t = useTranslations("ticket-actions.new");
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 250);
  const found = useQuery(trpc.ticket.findCustomers.queryOptions({ query: q }, { enabled: q.length >= 2 && !(value && "userId" in value) }));
  const [fresh, setFresh] = useState({ name: "", locale: defaultLocale });

  if (value && "userId" in value) {
    return (
      <div className="flex items-center gap-3 rounded-md border border-line bg-subtle/40 px-3 py-2" data-testid="picked-customer">
        <UserRound className="size-4 text-ink-muted" aria-hidden />
        <div className="min-w-0 flex-1 text-sm"><div className="truncate font-medium text-ink">{value.name}</div><div className="truncate text-ink-muted">{value.email}</div></div>
        <Button variant="ghost" size="icon" aria-label={t("changeCustomer")} onClick={() => { onChange(null); setQuery(""); }}><X className="size-4" aria-hidden /></Button>
      </div>
    );
  }
  const newAddress = looksLikeEmail(query) && !(found.data ?? []).some((c) => c.email === query.trim().toLowerCase());
  const setNew = (patch: Partial<typeof fresh>, email = query) => {
    const next = { ...fresh, ...patch };
    setFresh(next);
    onChange(looksLikeEmail(email) ? { email: email.trim(), name: next.name, locale: next.locale } : null);
  };
  return (
    <div className="space-y-3">
      <Field label={t("customer")} hint={t("customerHint")} error={error} required>
        <Input name="customer" type="search" autoComplete="off" value={query} maxLength={254} placeholder={t("customerPlaceholder")} data-testid="customer-search"
          onChange={(e) => { setQuery(e.target.value); setNew({}, e.target.value); }} />
      </Field>
      {(found.data ?? []).length > 0 && (
        <ul className="divide-y divide-line overflow-hidden rounded-md border border-line" data-testid="customer-results">
          {found.data!.map((c) => (
            <li key={c.id}>
              <button type="button" className="flex w-full items-center gap-3 px-3 py-2 text-left text-sm hover:bg-subtle" onClick={() => onChange({ userId: c.id, name: c.name, email: c.email })}>
                <UserRound className="size-4 shrink-0 text-ink-muted" aria-hidden />
                <span className="min-w-0 flex-1 truncate"><span className="font-medium text-ink">{c.name}</span> <span className="text-ink-muted">{c.email}</span></span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {newAddress && (
        <fieldset className="grid gap-4 rounded-lg border border-line bg-subtle/40 p-4 sm:grid-cols-[1fr_10rem]" data-testid="new-customer">
          <legend className="px-1 text-sm font-semibold text-ink">{t("newCustomer")}</legend>
          <Field label={t("name")}><Input name="customerName" value={fresh.name} maxLength={120} onChange={(e) => setNew({ name: e.target.value })} /></Field>
          <Field label={t("language")}>
            <Select name="customerLocale" value={fresh.locale} onChange={(e) => setNew({ locale: e.target.value === "en" ? "en" : "ru" })}>
              <option value="ru">Русский</option>
              <option value="en">English</option>
            </Select>
          </Field>
          <p className="text-sm text-ink-muted sm:col-span-2">{t("newCustomerHint")}</p>
        </fieldset>
      )}
    </div>
  );
}
