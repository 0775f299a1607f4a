// Who is acting. Built from the session or an API token in the tRPC context, from the CLI,
// or as "system" for cron jobs. Pure data: policies take it as an argument.

export type Role = "CUSTOMER" | "AGENT" | "ADMIN";

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user"; userId: number; role: Role; email: string; name: string; locale: string; via: "session" | "token";
      /** via "token": a "read" token may call queries only (issue 14.7); absent means read-write */
      tokenScope?: "read" | "read-write";
    }
  /** holder of a signed ticket link (a guest who has not set a password yet): one ticket only */
  | { kind: "guest"; userId: number; ticketId: number; locale: string }
  | { kind: "system" };

export const anonymous: Actor = { kind: "anonymous" };
export const system: Actor = { kind: "system" };

export function isStaff(a: Actor): a is Extract<Actor, { kind: "user" }> & { role: "AGENT" | "ADMIN" } {
  return a.kind === "user" && (a.role === "AGENT" || a.role === "ADMIN");
}

export function isAdmin(a: Actor): boolean {
  return a.kind === "user" && a.role === "ADMIN";
}

export function userId(a: Actor): number | null {
  return a.kind === "user" ? a.userId : null;
}
