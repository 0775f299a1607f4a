import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common.error");
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-xl font-semibold">{t("notFound")}</h1>
      <p className="text-ink-muted">{t("notFoundDescription")}</p>
      <Button asChild variant="outline"><Link href="/">{t("home")}</Link></Button>
    </main>
  );
}
