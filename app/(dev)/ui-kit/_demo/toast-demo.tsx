"use client";

import { Button } from "@/app/_components/ui/button";
import { useToast } from "@/app/_components/ui/toast";

export function ToastDemo() {
  const { toast } = useToast();
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="outline"
        onClick={() => toast({ title: "Reply sent", description: "The customer will get it by e-mail.", variant: "success" })}
      >
        Success toast
      </Button>
      <Button
        variant="outline"
        onClick={() => toast({ title: "Could not save", description: "The server did not answer.", variant: "danger" })}
      >
        Error toast
      </Button>
      <Button variant="ghost" onClick={() => toast({ title: "Ticket #1042 assigned to you" })}>
        Info toast
      </Button>
    </div>
  );
}
