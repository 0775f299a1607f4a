import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { AuthCard } from "../auth-card";
import { AuthForm } from "../auth-form";
import { MagicLinkOffer } from "../magic-link-offer";
import { signInAction } from "../actions";

type Search = { next?: string; reset?: string; link?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const t = await getTranslations("auth.signIn");
  const { next, reset, link } = await searchParams;
  const tp = await getTranslations("auth.setPassword");
  const str = (v: unknown) => (typeof v === "string" && v.length <= 2000 ? v : undefined);
  return (
    <AuthCard title={t("title")} description={t("description")}>
        {reset && <Alert variant="success">{tp("done")}</Alert>}
        <AuthForm
          testId="sign-in-form"
          action={signInAction}
          submit={t("submit")}
          hidden={str(next) ? { next: next! } : undefined}
          errorLinks={{ "signIn.unverified": { href: "/verify-email", label: t("resend") } }}
          fields={[
            { name: "email", type: "email", label: t("email"), autoComplete: "email" },
            { name: "password", type: "password", label: t("password"), autoComplete: "current-password", aside: { href: "/forgot-password", label: t("forgot") } },
          ]}
        />
        <MagicLinkOffer link={str(link)} next={str(next)} />
        <p className="text-center text-sm text-ink-muted">
          {t("noAccount")} <Link className="font-medium text-primary-700 hover:underline" href="/sign-up">{t("signUp")}</Link>
        </p>
      </AuthCard>
  );
}
