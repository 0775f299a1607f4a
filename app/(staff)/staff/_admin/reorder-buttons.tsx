"use client";
// Up / down buttons of an ordered admin list; `onMove` gets the new order of ids.
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

export function ReorderButtons({ ids, index, name, disabled, onMove }: { ids: number[]; index: number; name: string; disabled: boolean; onMove: (ids: number[]) => void }) {
  const tc = useTranslations("admin.common");
  const move = (d: -1 | 1) => {
    const next = [...ids];
    [next[index], next[index + d]] = [next[index + d]!, next[index]!];
    onMove(next);
  };
  return (
    <div className="flex gap-0.5">
      <Button size="icon" variant="ghost" className="size-7" aria-label={`${tc("moveUp")}: ${name}`} disabled={index === 0 || disabled} onClick={() => move(-1)}><ArrowUp className="size-4" aria-hidden /></Button>
      <Button size="icon" variant="ghost" className="size-7" aria-label={`${tc("moveDown")}: ${name}`} disabled={index === ids.length - 1 || disabled} onClick={() => move(1)}><ArrowDown className="size-4" aria-hidden /></Button>
    </div>
  );
}
