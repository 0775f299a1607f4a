/**
 * Local stand-in for Resend's HTTP API (`POST /emails`, `GET /emails/:id`) for tests.
 *
 * Matches what the installed `resend` SDK (6.x) sends: `${baseUrl}/emails` with
 * `Authorization: Bearer <key>`, `User-Agent: resend-node:<version>`, JSON body with snake_case
 * keys (`reply_to`, `scheduled_at`), and `Idempotency-Key` when `{ idempotencyKey }` is passed.
 * Point the SDK here with `new Resend(key, { baseUrl: fake.url })` or `RESEND_BASE_URL`.
 * Errors use Resend's shape `{ statusCode, name, message }`; the SDK returns them as `error`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

export type FakeRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** parsed JSON, or the raw text when it was not JSON */
  body: unknown;
  status: number;
  at: Date;
};

export type FakeEmail = {
  id: string;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  createdAt: Date;
};

export type ResendFake = {
  /** base URL without trailing slash (the SDK appends `/emails`) */
  url: string;
  /** every request, including rejected ones, in arrival order */
  requests: FakeRequest[];
  /** accepted emails; a replayed Idempotency-Key is counted once */
  emails: FakeEmail[];
  /** Answer the next `n` POST /emails with `status` (429 carries `retry-after`, default 1 s). */
  failNext(n: number, status: 429 | 500 | 502 | 503 | number, retryAfter?: number): void;
  clear(): void;
  stop(): Promise<void>;
};

export async function startResendFake(opts: { apiKey?: string } = {}): Promise<ResendFake> {
  const requests: FakeRequest[] = [];
  const emails: FakeEmail[] = [];
  const byKey = new Map<string, { email: FakeEmail; bodyJson: string }>();
  let failures: Array<{ status: number; retryAfter: number }> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* keep the text */
      }
      const path = (req.url ?? "/").split("?")[0];
      const record: FakeRequest = { method: req.method ?? "", path, headers: req.headers, body, status: 0, at: new Date() };
      requests.push(record);
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        record.status = status;
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(payload));
      };
      const error = (status: number, name: string, message: string, headers?: Record<string, string>) =>
        send(status, { statusCode: status, name, message }, headers);

      const auth = req.headers.authorization;
      if (!auth?.startsWith("Bearer ")) return error(401, "missing_api_key", "Missing API key in the authorization header");
      if (opts.apiKey && auth !== `Bearer ${opts.apiKey}`) return error(403, "invalid_api_key", "API key is invalid");

      const emailGet = /^\/emails\/([^/]+)$/.exec(path);
      if (req.method === "GET" && emailGet) {
        const email = emails.find((e) => e.id === emailGet[1]);
        if (!email) return error(404, "not_found", "Email not found");
        return send(200, { object: "email", id: email.id, ...email.body, created_at: email.createdAt.toISOString(), last_event: "delivered" });
      }
      if (req.method !== "POST" || path !== "/emails") return error(404, "not_found", `No route for ${req.method} ${path}`);

      // Rate limiting runs before the idempotency layer at Resend too.
      const fail = failures.shift();
      if (fail) {
        if (fail.status === 429) {
          return error(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second.", {
            "retry-after": String(fail.retryAfter),
            "ratelimit-limit": "2",
            "ratelimit-remaining": "0",
            "ratelimit-reset": String(fail.retryAfter),
          });
        }
        return error(fail.status, "internal_server_error", "An unexpected error occurred.");
      }

      if (!body || typeof body !== "object" || Array.isArray(body)) return error(422, "validation_error", "Invalid JSON body");
      const email = body as Record<string, unknown>;
      for (const field of ["from", "to", "subject"]) {
        if (email[field] === undefined || email[field] === "") {
          return error(422, "missing_required_field", `Missing \`${field}\` field.`);
        }
      }
      if (email.html === undefined && email.text === undefined && email.template === undefined) {
        return error(422, "validation_error", "Missing `html` or `text` field.");
      }

      const key = headerValue(req.headers["idempotency-key"]);
      if (key !== null && (key.length < 1 || key.length > 256)) {
        return error(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
      }
      const bodyJson = JSON.stringify(email);
      if (key !== null) {
        const prior = byKey.get(key);
        if (prior && prior.bodyJson !== bodyJson) {
          return error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
        }
        if (prior) return send(200, { id: prior.email.id });
      }
      const stored: FakeEmail = { id: randomUUID(), idempotencyKey: key, body: email, headers: req.headers, createdAt: new Date() };
      emails.push(stored);
      if (key !== null) byKey.set(key, { email: stored, bodyJson });
      return send(200, { id: stored.id });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    emails,
    failNext(n, status, retryAfter = 1) {
      failures = Array.from({ length: n }, () => ({ status, retryAfter }));
    },
    clear() {
      requests.length = 0;
      emails.length = 0;
      byKey.clear();
      failures = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // fetch keeps sockets alive; don't wait for them
        server.close(() => resolve());
      }),
  };
}

function headerValue(v: string | string[] | undefined): string | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}
