"use client";
// Reply box used by the portal and the staff view: the same ticket.reply procedure.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";

export function ReplyForm({ ticketId, labels }: { ticketId: number; labels: { label: string; placeholder: string; send: string; sent: string } }) {
  const te = useTranslations("errors");
  const router = useRouter();
  const trpc = useTRPC();
  const toast = useToast();
  const [body, setBody] = useState("");
  const reply = useMutation(
    trpc.ticket.reply.mutationOptions({
      onSuccess: () => {
        setBody("");
        toast.toast({ title: labels.sent, variant: "success" });
        router.refresh();
      },
    }),
  );
  const err = reply.error ? errorInfo(reply.error) : null;
  return (
    <form
      className="space-y-3"
      data-testid="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        reply.mutate({ ticketId, body });
      }}
    >
      {err && <Alert variant="danger">{te(err.reason as never)}</Alert>}
      <Field label={labels.label}>
        <Textarea name="body" rows={5} value={body} placeholder={labels.placeholder} onChange={(e) => setBody(e.target.value)} required />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={reply.isPending} disabled={!body.trim()}>{labels.send}</Button>
      </div>
    </form>
  );
}
