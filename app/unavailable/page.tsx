import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DatabaseZap } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

export const dynamic = "force-dynamic";

export default async function UnavailablePage() {
  const t = await getTranslations("common.dbDown");
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <DatabaseZap className="size-10 text-warning-600" aria-hidden />
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-ink-muted">{t("description")}</p>
      <Button asChild variant="outline">
        <Link href="/">{t("retry")}</Link>
      </Button>
    </main>
  );
}
