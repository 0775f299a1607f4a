import { getTranslations } from "next-intl/server";
import { AuthCard } from "../auth-card";
import { AuthForm } from "../auth-form";
import { forgotPasswordAction } from "../actions";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  return (
    <AuthCard title={t("title")} description={t("description")}>
        <AuthForm testId="forgot-form" action={forgotPasswordAction} submit={t("submit")} fields={[{ name: "email", type: "email", label: t("email"), autoComplete: "email" }]} />
      </AuthCard>
  );
}
