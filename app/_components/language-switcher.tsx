"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Languages } from "lucide-react";
import { setLocaleAction } from "@/app/(auth)/actions";

export function LanguageSwitcher() {
  const locale = useLocale();
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-ink-muted">
      <Languages className="size-4" aria-hidden />
      <span className="sr-only">{t("user.language")}</span>
      <select
        data-testid="language-switcher"
        className="rounded-md border border-transparent bg-transparent py-1 pr-1 text-sm text-ink-muted hover:border-line focus-visible:outline-2 focus-visible:outline-primary-500"
        value={locale}
        disabled={pending}
        onChange={(e) => start(async () => {
          await setLocaleAction(e.target.value);
          router.refresh();
        })}
      >
        <option value="ru">{t("languages.ru")}</option>
        <option value="en">{t("languages.en")}</option>
      </select>
    </label>
  );
}
