import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireAdmin } from "@/app/_lib/require";
import { caller } from "@/app/_trpc/server";
import { AdminNav } from "../../_admin/admin-nav";
import { TokensManager } from "./tokens-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.tokens"))("title") };
}

export default async function TokensPage() {
  await requireAdmin("/staff/settings/tokens");
  const [t, format, api] = [await getTranslations("admin.tokens"), await getFormatter(), await caller()];
  const tokens = await api.apiToken.list();
  const fmt = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : null);
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="tokens" />
      <TokensManager
        tokens={tokens.map((x) => ({
          id: x.id, name: x.name, prefix: x.prefix, owner: x.user.name, created: fmt(x.createdAt)!, lastUsed: fmt(x.lastUsedAt), revoked: x.revokedAt !== null,
          scope: x.scope === "read" ? "read" : "read-write", expires: fmt(x.expiresAt), expired: !!x.expiresAt && x.expiresAt < new Date(),
        }))}
        header={<PageHeader className="mb-0" title={t("title")} description={t("description")} />}
      />
    </div>
  );
}
