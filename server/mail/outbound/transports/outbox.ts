// Outbox only (the default): nothing leaves the server. The worker marks the row SENT with
// transport "outbox" so it is not picked up again — and not mailed out in bulk months later
// when someone configures SMTP — and the staff page «Исходящие / Outbox» shows it with a
// rendered preview; "resend" there re-queues it through whatever transport is configured then.
import type { Transport } from "./types";

export function outboxTransport(): Transport {
  return { name: "outbox", send: async () => ({ ok: true, providerId: null }) };
}
