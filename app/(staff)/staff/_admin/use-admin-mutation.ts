"use client";
// The mutation wiring of the admin pages: a tRPC mutation whose success runs `after`, toasts
// (`message`, or "Saved.") and refreshes the server-rendered page, and whose error toasts the
// translated reason. Takes the procedure itself (`trpc.status.reorder`), typed by its input.
import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useAdminAction } from "./use-admin-action";

type Handlers<O> = { onSuccess: (out: O) => void; onError: (e: unknown) => void };
/** the shape of a tRPC mutation procedure in the options proxy */
export type MutationProc<V, O, E> = { mutationOptions: (opts: Handlers<O>) => UseMutationOptions<O, E, V> };
type Outcome<O> = { message?: string | ((out: O) => string); after?: (out: O) => void };

export function useAdminMutation<V, O, E>(proc: MutationProc<V, O, E>, { message, after }: Outcome<O> = {}) {
  const act = useAdminAction();
  return useMutation(proc.mutationOptions({
    onSuccess: (out) => { after?.(out); act.done(typeof message === "function" ? message(out) : message); },
    onError: act.failed,
  }));
}
