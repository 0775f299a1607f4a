import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { AuthForm } from "../auth-form";
import { forgotPasswordAction } from "../actions";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <AuthForm testId="forgot-form" action={forgotPasswordAction} submit={t("submit")} fields={[{ name: "email", type: "email", label: t("email"), autoComplete: "email" }]} />
      </CardContent>
    </Card>
  );
}
