"use client";
// 1–5 stars and an optional comment, posted to the rateAction server action (works without
// JavaScript too: the stars are radio inputs).
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Star } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { cn } from "@/app/_lib/cn";
import { rateAction, type RateFormState } from "./actions";

export function RateForm({ token, rating, comment }: { token: string; rating: number | null; comment: string | null }) {
  const t = useTranslations("rate");
  const [state, action, pending] = useActionState<RateFormState, FormData>(rateAction, undefined);
  const [value, setValue] = useState(rating ?? 0);
  const [hover, setHover] = useState(0);
  // controlled, so React's reset of the form after the action keeps what was typed
  const [text, setText] = useState(comment ?? "");
  const saved = state?.ok ? (state.rating ?? value) : rating;
  const shown = hover || value;
  return (
    <form action={action} className="space-y-4" data-testid="rate-form">
      <input type="hidden" name="token" value={token} />
      {state?.ok && <Alert variant="success" data-testid="rate-done">{t("thanks")}</Alert>}
      {saved != null && <p className="text-sm text-ink-muted" data-testid="rate-current">{t("current", { rating: saved })}</p>}
      {state?.reason && <Alert variant="danger" data-testid="rate-error">{t(`errors.${state.reason}`)}</Alert>}
      <p className="text-sm text-ink-muted">{t("description")}</p>
      <fieldset>
        <legend className="sr-only">{t("ratingLabel")}</legend>
        <div role="radiogroup" aria-label={t("ratingLabel")} className="flex gap-1" onMouseLeave={() => setHover(0)}>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer rounded-md p-1 transition-transform hover:scale-110 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary-500" onMouseEnter={() => setHover(n)} data-testid={`star-${n}`}>
              <input type="radio" name="rating" value={n} checked={value === n} onChange={() => setValue(n)} className="sr-only" aria-label={t("star", { n })} />
              <Star className={cn("size-8", n <= shown ? "fill-warning-400 text-warning-500" : "text-line-strong")} aria-hidden />
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t("comment")} htmlFor="rate-comment">
        <Textarea id="rate-comment" name="comment" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="flex items-center justify-end gap-3">
        {!value && <span className="text-sm text-ink-muted">{t("pickStars")}</span>}
        <Button type="submit" loading={pending} disabled={!value}>{saved != null ? t("update") : t("submit")}</Button>
      </div>
    </form>
  );
}
