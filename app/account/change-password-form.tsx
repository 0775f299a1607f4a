"use client";
// The change-password form: current password, new password twice; errors from the action.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { changePasswordAction } from "./actions";

const FIELDS = [
  { name: "current", autoComplete: "current-password" },
  { name: "password", autoComplete: "new-password" },
  { name: "confirm", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(changePasswordAction, undefined);
  return (
    <form action={formAction} className="space-y-4" data-testid="change-password-form" noValidate>
      {state?.error && <Alert variant="danger">{t(`errors.${state.error}` as never)}</Alert>}
      {FIELDS.map((f) => (
        <Field key={f.name} label={t(`fields.${f.name}`)} error={state?.fieldErrors?.[f.name] ? t(`errors.${state.fieldErrors[f.name]}` as never) : undefined}>
          <Input name={f.name} type="password" autoComplete={f.autoComplete} required />
        </Field>
      ))}
      <Button type="submit" loading={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
