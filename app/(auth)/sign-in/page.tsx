import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { AuthForm } from "../auth-form";
import { signInAction } from "../actions";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getTranslations("auth.signIn");
  const { next } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
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
      </CardContent>
    </Card>
  );
}
