"use client";
// The customer's reply box: Markdown text plus attachments (when the settings allow uploads).
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import { MarkdownField } from "../../_components/markdown-field";
import { AttachmentPicker, type UploadLimits } from "@/app/_components/attachment-picker";

export function PortalReplyForm({ ticketId, uploads }: { ticketId: number; uploads: UploadLimits | null }) {
  const t = useTranslations("portal.ticket");
  const te = useTranslations("errors");
  const router = useRouter();
  const trpc = useTRPC();
  const toast = useToast();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [pickerKey, setPickerKey] = useState(0);
  const onFiles = useCallback((ids: string[], busy: boolean) => setFiles({ ids, busy }), []);
  const reply = useMutation(
    trpc.ticket.reply.mutationOptions({
      onSuccess: () => {
        setBody("");
        setPickerKey((k) => k + 1);
        setFiles({ ids: [], busy: false });
        toast.toast({ title: t("sent"), variant: "success" });
        router.refresh();
      },
    }),
  );
  const err = reply.error ? errorInfo(reply.error) : null;
  return (
    <form
      className="space-y-4"
      data-testid="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        reply.mutate({ ticketId, body, attachmentIds: files.ids });
      }}
    >
      {err && <Alert variant="danger">{te((Object.values(err.fieldErrors)[0] ?? err.reason) as never)}</Alert>}
      <Field label={t("reply")}>
        <MarkdownField name="body" rows={5} value={body} placeholder={t("replyPlaceholder")} onChange={setBody} />
      </Field>
      {uploads && <AttachmentPicker key={pickerKey} limits={uploads} onChange={onFiles} />}
      <div className="flex justify-end">
        <Button type="submit" loading={reply.isPending} disabled={!body.trim() || files.busy}>{t("send")}</Button>
      </div>
    </form>
  );
}
