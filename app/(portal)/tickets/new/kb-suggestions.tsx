"use client";
// Deflection: while a customer types the title of a new ticket, the help-centre articles that
// match appear under it (same kb.search as everywhere). Opening one is recorded against this
// form's random session id; if the form then creates a ticket, the opens are marked submitted.
// The report counts sessions that opened a suggestion and never submitted.
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { BookOpen, ExternalLink } from "lucide-react";
import superjson from "superjson";
import { useTRPC } from "@/app/_trpc/client";

const MIN_CHARS = 3;
const DEBOUNCE_MS = 300;

// one new-ticket form per page: its session lives as long as the page
const state: { session: string | null; opened: boolean } = { session: null, opened: false };
const sessionId = () => (state.session ??= crypto.randomUUID());

/** Call when the form created its ticket. keepalive: the page may navigate right away. */
export function markKbSuggestionsSubmitted() {
  if (!state.opened || !state.session) return;
  const body = JSON.stringify(superjson.serialize({ session: state.session }));
  void fetch("/api/trpc/kb.suggestionsSubmitted", { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true }).catch(() => {});
  state.opened = false;
  state.session = null;
}

function useDebounced(value: string) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [value]);
  return v;
}

export function KbSuggestions({ query }: { query: string }) {
  const t = useTranslations("kb.suggest");
  const locale = useLocale();
  const trpc = useTRPC();
  const q = useDebounced(query.trim());
  const res = useQuery({ ...trpc.kb.search.queryOptions({ q, lang: locale === "en" ? "en" : "ru", limit: 5 }), enabled: q.length >= MIN_CHARS, staleTime: 60_000, retry: false });
  const opened = useMutation(trpc.kb.suggestionOpened.mutationOptions());
  const items = q.length >= MIN_CHARS ? (res.data?.items ?? []) : [];
  return (
    <div aria-live="polite" data-testid="kb-suggestions" className="empty:hidden">
      {items.length > 0 && (
        <section aria-labelledby="kb-suggest-title" className="rounded-lg border border-info-200 bg-info-50/60 p-3">
          <h2 id="kb-suggest-title" className="flex items-center gap-2 text-sm font-semibold text-ink">
            <BookOpen className="size-4 text-info-700" aria-hidden />
            {t("title")}
          </h2>
          <ul className="mt-2 space-y-1">
            {items.map((a) => (
              <li key={a.id}>
                <a
                  href={a.path}
                  target="_blank"
                  rel="noopener"
                  lang={a.lang}
                  data-testid="kb-suggestion"
                  className="group flex items-start gap-2 rounded-md px-2 py-1.5 hover:bg-surface"
                  onClick={() => {
                    state.opened = true;
                    opened.mutate({ session: sessionId(), articleId: a.id });
                  }}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm font-medium text-primary-700 group-hover:underline">{a.title}</span>
                    <span className="line-clamp-1 block text-xs text-ink-muted">{a.snippet.map((s) => s.text).join("")}</span>
                  </span>
                  <ExternalLink className="mt-0.5 size-3.5 shrink-0 text-ink-subtle" aria-hidden />
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-1 px-2 text-xs text-ink-subtle">{t("hint")}</p>
        </section>
      )}
    </div>
  );
}
