import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthCard } from "../auth-card";
import { caller } from "@/app/_trpc/server";
import { AuthForm } from "../auth-form";
import { setupAction } from "../actions";

export const dynamic = "force-dynamic";

// One-time page: only while no administrator exists.
export default async function SetupPage() {
  if (!(await (await caller()).auth.setupOpen()).open) redirect("/sign-in");
  const t = await getTranslations("auth.setup");
  return (
    <AuthCard title={t("title")} description={t("description")}>
        <AuthForm
          testId="setup-form"
          action={setupAction}
          submit={t("submit")}
          fields={[
            { name: "name", type: "text", label: t("name"), autoComplete: "name" },
            { name: "email", type: "email", label: t("email"), autoComplete: "email" },
            { name: "password", type: "password", label: t("password"), autoComplete: "new-password" },
          ]}
        />
      </AuthCard>
  );
}
