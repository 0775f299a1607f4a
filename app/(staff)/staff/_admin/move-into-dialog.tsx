"use client";
// "Move its tickets into…": the dialog that takes a row in use away (a status merged, a
// priority deleted) once the admin has picked the row its tickets go to; success closes it.
import { useState } from "react";
import { useLocale } from "next-intl";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { localName } from "@/app/_components/status-badge";
import { AdminDialog, AdminForm } from "./admin-dialog";
import { useAdminMutation, type MutationProc } from "./use-admin-mutation";

type Row = { id: number; name: { ru: string; en: string }; ticketCount: number };
type Texts = { title: string; description: string; label: string; submit: string };
type Props<R extends Row, V, O, E> = {
  /** the row going away; null: the dialog is closed */
  row: R | null;
  rows: R[];
  onClose: () => void;
  texts: (row: R, name: string) => Texts;
  /** whether a target must be picked (otherwise there is no field) */
  needsTarget: (row: R) => boolean;
  proc: MutationProc<V, O, E>;
  input: (row: R, intoId: number | null) => V;
  message: (out: O) => string;
  testId: string;
  submitTestId?: string;
};

export function MoveIntoDialog<R extends Row, V, O, E>({ row, onClose, proc, message, ...props }: Props<R, V, O, E>) {
  const mutation = useAdminMutation(proc, { message, after: onClose });
  return (
    <AdminDialog open={row !== null} onClose={onClose} size="sm" described>
      {row && <MoveIntoForm key={row.id} row={row} pending={mutation.isPending} onConfirm={(input) => mutation.mutate(input)} {...props} />}
    </AdminDialog>
  );
}

type FormProps<R extends Row, V> = Pick<Props<R, V, unknown, unknown>, "rows" | "texts" | "needsTarget" | "input" | "testId" | "submitTestId"> & { row: R; pending: boolean; onConfirm: (input: V) => void };

function MoveIntoForm<R extends Row, V>({ row, rows, texts, needsTarget, input, pending, onConfirm, testId, submitTestId }: FormProps<R, V>) {
  const locale = useLocale();
  const [into, setInto] = useState("");
  const text = texts(row, localName(row.name, locale));
  const target = needsTarget(row);
  return (
    <AdminForm
      title={text.title} description={text.description} onSubmit={() => { if (!target || into) onConfirm(input(row, into ? Number(into) : null)); }}
      pending={pending} submitLabel={text.submit} submit={{ variant: "danger", disabled: target && !into, testId: submitTestId }} bodyClassName=""
    >
      {target && (
        <Field label={text.label} required>
          <Select value={into} required onChange={(e) => setInto(e.target.value)} data-testid={testId}>
            <option value="">—</option>
            {rows.filter((r) => r.id !== row.id).map((r) => <option key={r.id} value={r.id}>{localName(r.name, locale)}</option>)}
          </Select>
        </Field>
      )}
    </AdminForm>
  );
}
