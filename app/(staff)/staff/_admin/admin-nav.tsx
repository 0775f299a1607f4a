// Sub-navigation of the administration pages owned by the staff dashboard.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { cn } from "@/app/_lib/cn";

const ITEMS = [
  ["statuses", "/staff/settings/statuses"],
  ["categories", "/staff/settings/categories"],
  ["priorities", "/staff/settings/priorities"],
  ["customFields", "/staff/settings/custom-fields"],
  ["users", "/staff/settings/users"],
  ["teams", "/staff/settings/teams"],
  ["cannedReplies", "/staff/settings/canned-replies"],
  ["tokens", "/staff/settings/tokens"],
  ["autoClose", "/staff/settings/auto-close"],
  ["apiDocs", "/staff/settings/api-docs"],
] as const;

export async function AdminNav({ active }: { active: (typeof ITEMS)[number][0] }) {
  const t = await getTranslations("admin.nav");
  return (
    <div className="mb-6 space-y-3">
      <Link href="/staff/settings" className="inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink"><ChevronLeft className="size-4" aria-hidden /> {t("settings")}</Link>
      <nav aria-label={t("label")} className="-mx-1 overflow-x-auto border-b border-line">
        <ul className="flex min-w-max gap-1 px-1">
          {ITEMS.map(([key, href]) => (
            <li key={key}>
              <Link
                href={href}
                aria-current={key === active ? "page" : undefined}
                className={cn("-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors", key === active ? "border-primary-600 text-primary-700" : "border-transparent text-ink-muted hover:text-ink")}
              >
                {t(key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
