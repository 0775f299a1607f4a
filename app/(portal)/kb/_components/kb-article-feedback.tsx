"use client";
// "Was this helpful?" and the view count. One vote per visitor: signed-in people vote as their
// account, others as a random id this browser keeps (the server hashes it). A view is counted
// once per browser session and article, after the page has really been shown.
import { useEffect, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { ThumbsDown, ThumbsUp } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { useTRPC } from "@/app/_trpc/client";

const VISITOR_KEY = "helpdesk:kb:visitor";

export function kbVisitorId(): string | undefined {
  try {
    let id = localStorage.getItem(VISITOR_KEY);
    if (!id) localStorage.setItem(VISITOR_KEY, (id = crypto.randomUUID()));
    return id;
  } catch {
    return undefined;
  }
}

type Labels = { question: string; yes: string; no: string; thanks: string; votes: string };

export function KbArticleFeedback({ articleId, labels, countView }: { articleId: number; labels: Labels; countView: boolean }) {
  const trpc = useTRPC();
  const [mine, setMine] = useState<boolean | null>(null);
  const vote = useMutation(trpc.kb.vote.mutationOptions({ onSuccess: (r) => setMine(r.mine) }));
  const view = useMutation(trpc.kb.recordView.mutationOptions());
  const { mutate: record } = view;

  useEffect(() => {
    if (!countView) return;
    const key = `helpdesk:kb:viewed:${articleId}`;
    try {
      if (sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, "1");
    } catch {
      // storage disabled: count every view
    }
    record({ articleId });
  }, [articleId, countView, record]);

  const send = (helpful: boolean) => vote.mutate({ articleId, helpful, visitorId: kbVisitorId() });
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-line bg-subtle/50 p-4 sm:flex-row sm:flex-wrap sm:items-center print:hidden" data-testid="kb-feedback">
      <p className="flex-1 text-sm font-medium text-ink" id={`kb-helpful-${articleId}`}>{mine === null ? labels.question : labels.thanks}</p>
      <div className="flex gap-2" role="group" aria-labelledby={`kb-helpful-${articleId}`}>
        <Button size="sm" variant={mine === true ? "primary" : "outline"} aria-pressed={mine === true} loading={vote.isPending && vote.variables?.helpful === true} onClick={() => send(true)} data-testid="kb-vote-yes">
          <ThumbsUp className="size-4" aria-hidden /> {labels.yes}
        </Button>
        <Button size="sm" variant={mine === false ? "primary" : "outline"} aria-pressed={mine === false} loading={vote.isPending && vote.variables?.helpful === false} onClick={() => send(false)} data-testid="kb-vote-no">
          <ThumbsDown className="size-4" aria-hidden /> {labels.no}
        </Button>
      </div>
      {vote.data && <p className="text-xs text-ink-muted sm:basis-full" role="status" data-testid="kb-vote-count">{labels.votes.replace("{yes}", String(vote.data.yes)).replace("{total}", String(vote.data.yes + vote.data.no))}</p>}
    </div>
  );
}
