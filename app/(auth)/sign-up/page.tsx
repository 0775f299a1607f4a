import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthCard } from "../auth-card";
import { AuthForm } from "../auth-form";
import { signUpAction } from "../actions";

export default async function SignUpPage() {
  const t = await getTranslations("auth.signUp");
  return (
    <AuthCard title={t("title")} description={t("description")}>
        <AuthForm
          testId="sign-up-form"
          action={signUpAction}
          submit={t("submit")}
          fields={[
            { name: "name", type: "text", label: t("name"), autoComplete: "name" },
            { name: "email", type: "email", label: t("email"), autoComplete: "email" },
            { name: "password", type: "password", label: t("password"), hint: t("passwordHint"), autoComplete: "new-password" },
          ]}
        />
        <p className="text-center text-sm text-ink-muted">
          {t("haveAccount")} <Link className="font-medium text-primary-700 hover:underline" href="/sign-in">{t("signIn")}</Link>
        </p>
      </AuthCard>
  );
}
