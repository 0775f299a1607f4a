"use client";
// Host, port, TLS, user name and password of a mail server (the inbound mailbox, the SMTP
// relay). The password is never shown: when one is stored the field says so, and left empty
// it keeps the stored one.
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";

export type Server = { host: string; port: number; secure: boolean; username: string; password: string };
type Props = {
  /** the settings keys of the five fields: input names, error keys, what onChange is told */
  names: Record<keyof Server, string>;
  labels: Record<keyof Server, string> & { passwordStored: string; passwordPlaceholder: string };
  value: Server;
  onChange: (name: string, value: Server[keyof Server]) => void;
  error: (name: string) => string | undefined;
  passwordStored: boolean;
  /** before the host, in the same row (the mailbox protocol) */
  lead?: React.ReactNode;
  rowClassName: string;
  host?: { hint?: string; placeholder?: string };
  usernameType?: "email";
};

export function ServerFields({ names, labels, value, onChange, error, passwordStored, lead, rowClassName, host, usernameType }: Props) {
  return (
    <>
      <div className={rowClassName}>
        {lead}
        <Field label={labels.host} error={error(names.host)} hint={host?.hint}>
          <Input name={names.host} value={value.host} placeholder={host?.placeholder} onChange={(e) => onChange(names.host, e.target.value)} autoComplete="off" />
        </Field>
        <Field label={labels.port} error={error(names.port)}>
          <Input name={names.port} type="number" min={1} max={65535} value={value.port} onChange={(e) => onChange(names.port, Number(e.target.value))} />
        </Field>
      </div>
      <Checkbox checked={value.secure} onChange={(e) => onChange(names.secure, e.currentTarget.checked)} label={labels.secure} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={labels.username} error={error(names.username)}>
          <Input name={names.username} type={usernameType} value={value.username} onChange={(e) => onChange(names.username, e.target.value)} autoComplete="off" />
        </Field>
        <Field label={labels.password} hint={passwordStored ? labels.passwordStored : undefined}>
          <Input name={names.password} type="password" value={value.password} placeholder={passwordStored ? labels.passwordPlaceholder : ""} onChange={(e) => onChange(names.password, e.target.value)} autoComplete="new-password" />
        </Field>
      </div>
    </>
  );
}
