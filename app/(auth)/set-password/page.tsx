import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Alert } from "@/app/_components/ui/alert";
import { db } from "@/server/db/client";
import { tokenIsValid } from "@/server/services/users/password-tokens";
import { AuthForm } from "../auth-form";
import { setPasswordAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const t = await getTranslations("auth.setPassword");
  const { token = "" } = await searchParams;
  const valid = token.length > 20 && (await tokenIsValid(db(), token));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {valid ? (
          <AuthForm
            testId="set-password-form"
            action={setPasswordAction}
            submit={t("submit")}
            hidden={{ token }}
            fields={[
              { name: "password", type: "password", label: t("password"), autoComplete: "new-password" },
              { name: "confirm", type: "password", label: t("confirm"), autoComplete: "new-password" },
            ]}
          />
        ) : (
          <Alert variant="danger">{t("invalidLink")}</Alert>
        )}
      </CardContent>
    </Card>
  );
}
