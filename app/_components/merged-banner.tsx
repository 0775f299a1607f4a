// The pointer on a merged ticket (issue 15.4): where its conversation continues.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { GitMerge } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";

export async function MergedBanner({ mergedInto, href }: { mergedInto: { id: number; title: string }; href: string | null }) {
  const t = await getTranslations("ticket-actions.merge");
  const label = mergedInto.title ? `#${mergedInto.id} «${mergedInto.title}»` : `#${mergedInto.id}`;
  return (
    <Alert variant="info" icon={<GitMerge aria-hidden />} title={t("bannerTitle")} data-testid="merged-banner">
      {t("bannerText")} {href ? <Link className="font-medium text-primary-700 underline underline-offset-2" href={href}>{label}</Link> : <strong>{label}</strong>}
    </Alert>
  );
}
