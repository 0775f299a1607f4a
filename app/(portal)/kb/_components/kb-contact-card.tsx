import Link from "next/link";
import { MessageCircleQuestion } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

export function KbContactCard({ title, body, button }: { title: string; body: string; button: string }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-primary-100 bg-primary-50/60 p-5 sm:flex-row sm:items-center print:hidden">
      <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-lg bg-surface text-primary-700 shadow-xs"><MessageCircleQuestion className="size-5" aria-hidden /></span>
      <div className="min-w-0 flex-1">
        <h2 className="text-base font-semibold text-ink">{title}</h2>
        <p className="text-sm text-ink-muted">{body}</p>
      </div>
      <Button asChild variant="primary"><Link href="/tickets/new">{button}</Link></Button>
    </div>
  );
}
