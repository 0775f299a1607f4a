import { getTranslations } from "next-intl/server";
import { AuthCard } from "../auth-card";
import { Alert } from "@/app/_components/ui/alert";
import { caller } from "@/app/_trpc/server";
import { AuthForm } from "../auth-form";
import { setPasswordAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const t = await getTranslations("auth.setPassword");
  const { token = "" } = await searchParams;
  const valid = token.length <= 200 && (await (await caller()).auth.passwordLinkValid({ token })).valid;
  return (
    <AuthCard title={t("title")} description={t("description")}>
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
      </AuthCard>
  );
}
