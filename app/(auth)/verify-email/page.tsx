// /verify-email?token=… — the confirmation link of a sign-up. The link alone proves nothing
// about who chose the password (someone may have signed up with another person's address), so
// the page asks for that password; without a valid token it offers to send a new link.
import { getTranslations } from "next-intl/server";
import { Alert } from "@/app/_components/ui/alert";
import { caller } from "@/app/_trpc/server";
import { AuthCard } from "../auth-card";
import { AuthForm } from "../auth-form";
import { confirmEmailAction, resendVerificationAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations("auth.verify");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length <= 200 ? raw : "";
  const address = token ? (await (await caller()).auth.linkAddress({ token, purpose: "verify-email" })).email : null;
  if (!address) {
    return (
      <AuthCard title={t("resendTitle")} description={t("resendDescription")}>
        {token && <Alert variant="danger">{t("invalidLink")}</Alert>}
        <AuthForm testId="resend-verification-form" action={resendVerificationAction} submit={t("resendSubmit")} fields={[{ name: "email", type: "email", label: t("email"), autoComplete: "email" }]} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("title")} description={t("description")}>
      <p className="text-sm">
        <span className="text-ink-muted">{t("account")}: </span>
        <span className="font-medium" data-testid="verify-email-address">{address}</span>
      </p>
      <AuthForm testId="verify-email-form" action={confirmEmailAction} submit={t("submit")} hidden={{ token }} fields={[{ name: "password", type: "password", label: t("password"), autoComplete: "current-password" }]} />
      <p className="text-sm text-ink-muted">{t("notYou")}</p>
    </AuthCard>
  );
}
