"use client";
// The end of a settings form: the outcome of the last save, then the Save button.
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import type { SettingsMsg } from "./use-secret-settings-form";

export function SettingsSave({ msg, pending, label }: { msg: SettingsMsg | null; pending: boolean; label: string }) {
  return (
    <>
      {msg && <Alert variant={msg.ok ? "success" : "danger"}>{msg.text}</Alert>}
      <Button type="submit" loading={pending}>{label}</Button>
    </>
  );
}
