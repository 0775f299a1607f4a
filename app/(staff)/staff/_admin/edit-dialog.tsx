"use client";
// The create / edit dialog of an admin row, with its mutation wiring: a form without an id is
// sent to `create`, one with an id to `update` (as { id, ...body }); success closes the dialog
// and refreshes the page, an error shows the translated reason and keeps the dialog open.
import { useTranslations } from "next-intl";
import { AdminDialog, AdminForm } from "./admin-dialog";
import { useAdminMutation, type MutationProc } from "./use-admin-mutation";

type FormProps = Omit<React.ComponentProps<typeof AdminForm>, "title" | "onSubmit" | "pending" | "submitLabel" | "children">;
type Props<F, B, O1, E1, O2, E2> = FormProps & {
  /** the form being edited; null: the dialog is closed */
  form: F | null;
  onClose: () => void;
  size?: React.ComponentProps<typeof AdminDialog>["size"];
  create: MutationProc<B, O1, E1>;
  update: MutationProc<B & { id: number }, O2, E2>;
  /** the form as the procedures take it (without its id) */
  toBody: (form: F) => B;
  /** titles for a new row and an existing one */
  titles: [string, string];
  /** default: "Create" for a new row, "Save" for an existing one */
  submitLabel?: string;
  children: (form: F) => React.ReactNode;
};

export function EditDialog<F extends { id?: number }, B, O1, E1, O2, E2>({ form, onClose, size, create, update, toBody, titles, submitLabel, children, ...rest }: Props<F, B, O1, E1, O2, E2>) {
  const tc = useTranslations("admin.common");
  const created = useAdminMutation(create, { after: onClose });
  const updated = useAdminMutation(update, { after: onClose });
  const submit = (f: F) => (f.id ? updated.mutate({ id: f.id, ...toBody(f) }) : created.mutate(toBody(f)));
  return (
    <AdminDialog open={form !== null} onClose={onClose} size={size}>
      {form && (
        <AdminForm title={form.id ? titles[1] : titles[0]} onSubmit={() => submit(form)} pending={created.isPending || updated.isPending} submitLabel={submitLabel ?? (form.id ? tc("save") : tc("create"))} {...rest}>
          {children(form)}
        </AdminForm>
      )}
    </AdminDialog>
  );
}

/** `toBody` of a form that is the body plus its id */
export const withoutId = <F extends { id?: number }>({ id: _id, ...body }: F): Omit<F, "id"> => body;
