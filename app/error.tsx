"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";

export default function ErrorPage({ reset, error }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-ink-muted">{t("description")}</p>
      {error.digest && <p className="font-mono text-xs text-ink-subtle">{error.digest}</p>}
      <Button onClick={reset} variant="outline">{t("retry")}</Button>
    </main>
  );
}
