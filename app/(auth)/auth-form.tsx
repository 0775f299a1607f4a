"use client";
// One form component for the auth pages: fields described by props, server action result
// shown as field errors and a form-level alert, all strings translated.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import type { FormState } from "./actions";

export type AuthField = { name: string; type: "text" | "email" | "password"; label: string; hint?: string; autoComplete?: string; aside?: { href: string; label: string } };

export function AuthForm(props: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  fields: AuthField[];
  submit: string;
  hidden?: Record<string, string>;
  testId: string;
  /** a follow-up link under a form-level error, e.g. "send the confirmation link again" */
  errorLinks?: Record<string, { href: string; label: string }>;
  variant?: "primary" | "outline";
}) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(props.action, undefined);
  return (
    <form action={formAction} className="space-y-4" data-testid={props.testId} noValidate>
      {state?.error && (
        <Alert variant="danger">
          {t(state.error as never)}
          {props.errorLinks?.[state.error] && (
            <> <Link className="font-medium underline" href={props.errorLinks[state.error]!.href}>{props.errorLinks[state.error]!.label}</Link></>
          )}
        </Alert>
      )}
      {state?.notice && <Alert variant="success">{t(state.notice as never)}</Alert>}
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {props.fields.map((f) => (
        <Field
          key={f.name}
          label={f.label}
          hint={f.hint}
          error={state?.fieldErrors?.[f.name] ? t(`fields.${state.fieldErrors[f.name]}` as never) : undefined}
          labelAside={f.aside ? <Link className="text-sm text-primary-700 hover:underline" href={f.aside.href}>{f.aside.label}</Link> : undefined}
        >
          <Input name={f.name} type={f.type} autoComplete={f.autoComplete} defaultValue={f.type === "password" ? undefined : state?.values?.[f.name]} required />
        </Field>
      ))}
      <Button type="submit" className="w-full" variant={props.variant} loading={pending}>
        {props.submit}
      </Button>
    </form>
  );
}
