// /magic-link?token=…&next=… — a one-time sign-in link. Opening it signs nobody in: mail
// scanners fetch links, so the visitor presses "Sign in" (a POST) and the token is used then.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { caller } from "@/app/_trpc/server";
import { AuthCard } from "../auth-card";
import { AuthForm } from "../auth-form";
import { magicSignInAction } from "../actions";

export const dynamic = "force-dynamic";

type Search = { token?: string | string[]; next?: string | string[] };

export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [t, ts] = [await getTranslations("auth.magic"), await getTranslations("auth.signIn")];
  const q = await searchParams;
  const token = typeof q.token === "string" && q.token.length <= 200 ? q.token : "";
  const next = typeof q.next === "string" && q.next.length <= 2000 ? q.next : "";
  const address = token ? (await (await caller()).auth.linkAddress({ token, purpose: "magic-link" })).email : null;
  return (
    <AuthCard title={t("title")} description={t("description")}>
      {address ? (
        <>
          <p className="text-sm font-medium" data-testid="magic-address">{address}</p>
          <AuthForm testId="magic-sign-in-form" action={magicSignInAction} submit={t("submit")} hidden={{ token, ...(next ? { next } : {}) }} fields={[]} />
        </>
      ) : (
        <>
          <Alert variant="danger" data-testid="magic-invalid">{t("invalid")}</Alert>
          <Link className="text-sm font-medium text-primary-700 hover:underline" href="/sign-in">{ts("title")}</Link>
        </>
      )}
    </AuthCard>
  );
}
