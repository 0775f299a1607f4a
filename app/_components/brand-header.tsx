// The slim header of pages outside the app frame (sign-in, set password, rating link):
// the brand linking home and the language switch.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function BrandHeader() {
  const t = await getTranslations("common");
  return (
    <header className="flex items-center justify-between px-4 py-4 sm:px-8">
      <Link href="/" className="flex items-center gap-2 text-base font-semibold text-ink">
        <span className="inline-flex size-7 items-center justify-center rounded-md bg-primary-600 text-sm font-bold text-white">H</span>
        {t("brand")}
      </Link>
      <LanguageSwitcher />
    </header>
  );
}
