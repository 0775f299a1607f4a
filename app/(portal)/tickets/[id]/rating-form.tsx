"use client";
// Rating a closed ticket (shown only when permissions.canRate): 1–5 stars and a comment.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Star } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle, CardDescription } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import { cn } from "@/app/_lib/cn";

export function RatingForm({ ticketId, rating, comment }: { ticketId: number; rating: number | null; comment: string | null }) {
  const t = useTranslations("portal.ticket");
  const te = useTranslations("errors");
  const router = useRouter();
  const trpc = useTRPC();
  const [value, setValue] = useState(rating ?? 0);
  const [hover, setHover] = useState(0);
  const [text, setText] = useState(comment ?? "");
  const rate = useMutation(trpc.ticket.rate.mutationOptions({ onSuccess: () => router.refresh() }));
  const err = rate.error ? errorInfo(rate.error) : null;
  const shown = hover || value;
  return (
    <Card data-testid="rating">
      <CardHeader>
        <CardTitle as="h2">{t("rateTitle")}</CardTitle>
        <CardDescription>{rating ? t("yourRating", { rating }) : t("rateDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (value) rate.mutate({ ticketId, rating: value, comment: text });
          }}
        >
          {err && <Alert variant="danger">{te((Object.values(err.fieldErrors)[0] ?? err.reason) as never)}</Alert>}
          {rate.isSuccess && <Alert variant="success" data-testid="rated">{t("rated")}</Alert>}
          <div role="radiogroup" aria-label={t("ratingLabel")} className="flex gap-1" onMouseLeave={() => setHover(0)}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={value === n}
                aria-label={t("star", { n })}
                onMouseEnter={() => setHover(n)}
                onClick={() => setValue(n)}
                className="rounded-md p-1 transition-transform hover:scale-110"
                data-testid={`star-${n}`}
              >
                <Star className={cn("size-8", n <= shown ? "fill-warning-400 text-warning-500" : "text-line-strong")} aria-hidden />
              </button>
            ))}
          </div>
          <Field label={t("rateComment")}>
            <Textarea name="comment" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" loading={rate.isPending} disabled={!value}>{rating ? t("rateUpdate") : t("rateSubmit")}</Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
