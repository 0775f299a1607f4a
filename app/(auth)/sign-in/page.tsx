import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/app/_components/ui/alert";
import { AuthCard } from "../auth-card";
import { AuthForm } from "../auth-form";
import { signInAction } from "../actions";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string }> }) {
  const t = await getTranslations("auth.signIn");
  const { next, reset } = await searchParams;
  const tp = await getTranslations("auth.setPassword");
  return (
    <AuthCard title={t("title")} description={t("description")}>
        {reset && <Alert variant="success">{tp("done")}</Alert>}
        <AuthForm
          testId="sign-in-form"
          action={signInAction}
          submit={t("submit")}
          hidden={next ? { next } : undefined}
          fields={[
            { name: "email", type: "email", label: t("email"), autoComplete: "email" },
            { name: "password", type: "password", label: t("password"), autoComplete: "current-password", aside: { href: "/forgot-password", label: t("forgot") } },
          ]}
        />
        <p className="text-center text-sm text-ink-muted">
          {t("noAccount")} <Link className="font-medium text-primary-700 hover:underline" href="/sign-up">{t("signUp")}</Link>
        </p>
      </AuthCard>
  );
}
