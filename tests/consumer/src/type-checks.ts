// Never run: compiled only. Each @ts-expect-error must stay an error, or tsc fails with
// "Unused '@ts-expect-error' directive" — proof that the published types are live.
import { createHelpdeskClient, type HelpdeskApi, type HelpdeskErrorCode } from "@helpdesk/client";

export async function typeChecks(hd: HelpdeskApi) {
  // @ts-expect-error title must be a string
  await hd.ticket.create.mutate({ title: 42, body: "b", categoryId: 1 });
  // @ts-expect-error categoryId is required
  await hd.ticket.create.mutate({ title: "t", body: "b" });
  // @ts-expect-error assignee is "me" | "unassigned" | "any" or a user id
  await hd.ticket.list.query({ assignee: "nobody" });
  // @ts-expect-error reads are queried, not mutated
  await hd.ticket.list.mutate({});
  // @ts-expect-error no such procedure in the client's surface
  await hd.settings.get.query({ group: "mail" });

  const t = await hd.ticket.byId.query({ id: 1 });
  const version: number = t.version;
  const closed: Date | null = t.closedAt;
  // @ts-expect-error the id is a number
  const id: string = t.id;
  const reason: "REPLIES_CLOSED" | "NOT_OWNER" | "LOGIN_REQUIRED" | "GUESTS_DISABLED" | "EDIT_DISABLED" | "TICKET_CLOSED" | "RATING_DISABLED" | "NOT_CLOSED" | "UPLOADS_DISABLED" | "STAFF_ONLY" | "ACCOUNT_INACTIVE" | "FILE_TOO_BIG" | "TICKET_MERGED" | null = t.permissions.replyBlockedReason;
  const code: HelpdeskErrorCode = "NOT_FOUND";
  // @ts-expect-error not an error code
  const wrong: HelpdeskErrorCode = "NOT_A_CODE";
  return { version, closed, id, reason, code, wrong, client: createHelpdeskClient };
}
