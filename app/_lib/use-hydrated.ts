"use client";
// True once React has hydrated this page in the browser. Controls whose change is sent at once
// (a select that saves on change) stay disabled until then: a change made on the server-rendered
// HTML before hydration would be reset by React and silently lost.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
