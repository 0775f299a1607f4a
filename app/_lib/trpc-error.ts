// Reads what the server said about a failed call: the reason code (translated by the UI)
// and field-level messages.
export type ErrorInfo = { reason: string; fieldErrors: Record<string, string> };

export function errorInfo(e: unknown): ErrorInfo {
  const data = (e as { data?: { reason?: string | null; fieldErrors?: Record<string, string> | null } })?.data;
  return { reason: data?.reason ?? "generic", fieldErrors: data?.fieldErrors ?? {} };
}
