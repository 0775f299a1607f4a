// The help-centre search box: a plain GET form, so it works before (and without) JavaScript.
import { Search } from "lucide-react";
import { cn } from "@/app/_lib/cn";

type Labels = { label: string; placeholder: string; button: string };

export function KbSearchForm({ labels, q = "", lang, size = "md" }: { labels: Labels; q?: string; lang?: string; size?: "md" | "lg" }) {
  const big = size === "lg";
  return (
    <form role="search" method="get" action="/kb/search" className="w-full" data-testid="kb-search-form">
      <label htmlFor={`kb-q-${size}`} className="sr-only">{labels.label}</label>
      {lang ? <input type="hidden" name="lang" value={lang} /> : null}
      <div className={cn("flex items-center gap-2 rounded-xl border border-line-strong bg-surface shadow-sm focus-within:border-primary-500 focus-within:ring-3 focus-within:ring-primary-100", big ? "p-1.5 pl-4" : "p-1 pl-3")}>
        <Search className={cn("shrink-0 text-ink-subtle", big ? "size-5" : "size-4")} aria-hidden />
        <input
          id={`kb-q-${size}`}
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          placeholder={labels.placeholder}
          autoComplete="off"
          className={cn("min-w-0 flex-1 bg-transparent text-ink outline-none placeholder:text-ink-subtle", big ? "h-11 text-base" : "h-9 text-sm")}
        />
        <button type="submit" className={cn("shrink-0 rounded-lg bg-primary-600 font-medium text-white hover:bg-primary-700", big ? "h-11 px-5 text-sm" : "h-9 px-4 text-sm")}>
          {labels.button}
        </button>
      </div>
    </form>
  );
}
