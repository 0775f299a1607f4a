// Integration: the test doubles themselves — smtp-sink receives what nodemailer sends (plain,
// auth, implicit TLS, injected failures) and resend-fake answers the real `resend` SDK
// (headers, idempotency, 429 with retry-after, 500).
import nodemailer from "nodemailer";
import { Resend } from "resend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendFake, type ResendFake } from "./resend-fake";
import { startSmtpSink } from "./smtp-sink";

describe("smtp-sink", () => {
  it("stores envelope, raw and parsed message; waitFor sees later arrivals", async () => {
    const sink = await startSmtpSink();
    try {
      const transport = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: false });
      const pending = sink.waitFor((m) => m.parsed.subject === "Second");
      await transport.sendMail({ from: "desk@example.test", to: "a@example.test", subject: "First", text: "one" });
      await transport.sendMail({
        from: "desk@example.test", to: ["b@example.test", "c@example.test"], subject: "Second", text: "two",
        headers: { "Auto-Submitted": "auto-generated" },
      });
      const second = await pending;
      expect(second.envelope).toEqual({ mailFrom: "desk@example.test", rcptTo: ["b@example.test", "c@example.test"] });
      expect(second.parsed.headers.get("auto-submitted")).toBe("auto-generated");
      expect(second.raw.toString()).toContain("Subject: Second");
      expect(sink.messages.map((m) => m.parsed.subject)).toEqual(["First", "Second"]);
      await expect(sink.waitFor((m) => m.parsed.subject === "never", 100)).rejects.toThrow(/no matching message/);
      sink.clear();
      expect(sink.messages).toHaveLength(0);
      transport.close();
    } finally {
      await sink.stop();
    }
  });

  it("requires auth when configured, and can fail the next message with a 4xx", async () => {
    const sink = await startSmtpSink({ auth: { user: "desk", pass: "pw" } });
    try {
      const bad = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, auth: { user: "desk", pass: "x" } });
      await expect(bad.sendMail({ from: "d@example.test", to: "a@example.test", text: "x" })).rejects.toMatchObject({ responseCode: 535 });
      const good = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, auth: { user: "desk", pass: "pw" } });
      sink.failNext(1, 451);
      await expect(good.sendMail({ from: "d@example.test", to: "a@example.test", text: "x" })).rejects.toMatchObject({ responseCode: 451 });
      await good.sendMail({ from: "d@example.test", to: "a@example.test", subject: "ok", text: "x" });
      expect(sink.messages.map((m) => [m.user, m.parsed.subject])).toEqual([["desk", "ok"]]);
      bad.close();
      good.close();
    } finally {
      await sink.stop();
    }
  });

  it("speaks implicit TLS when secure", async () => {
    const sink = await startSmtpSink({ secure: true });
    try {
      const t = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: true, tls: { rejectUnauthorized: false } });
      await t.sendMail({ from: "d@example.test", to: "a@example.test", subject: "tls", text: "x" });
      expect((await sink.waitFor()).parsed.subject).toBe("tls");
      t.close();
    } finally {
      await sink.stop();
    }
  });
});

describe("resend-fake with the real resend SDK", () => {
  let fake: ResendFake;
  let resend: Resend;
  const email = { from: "Desk <desk@example.test>", to: ["a@example.test"], subject: "Hello", text: "Hi", replyTo: "desk+t1@example.test" };

  beforeAll(async () => {
    fake = await startResendFake({ apiKey: "re_test_123" });
    resend = new Resend("re_test_123", { baseUrl: fake.url });
  });
  afterAll(async () => {
    await fake.stop();
  });

  it("records the request as the SDK sends it and answers { id }", async () => {
    fake.clear();
    const { data, error } = await resend.emails.send(email, { idempotencyKey: "outbox-1" });
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
    const [req] = fake.requests;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/emails");
    expect(req.headers.authorization).toBe("Bearer re_test_123");
    expect(req.headers["idempotency-key"]).toBe("outbox-1");
    expect(req.headers["user-agent"]).toMatch(/^resend-node:/);
    expect(req.body).toMatchObject({ from: email.from, to: email.to, subject: "Hello", text: "Hi", reply_to: email.replyTo });
    expect(fake.emails).toHaveLength(1);
  });

  it("treats a repeated Idempotency-Key as the same email; a different body is a 409", async () => {
    fake.clear();
    const a = await resend.emails.send(email, { idempotencyKey: "outbox-2" });
    const b = await resend.emails.send(email, { idempotencyKey: "outbox-2" });
    expect(b.data?.id).toBe(a.data?.id);
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
    const c = await resend.emails.send({ ...email, subject: "Changed" }, { idempotencyKey: "outbox-2" });
    expect(c.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
  });

  it("429 with retry-after, then success on retry; 500 is reported as an error", async () => {
    fake.clear();
    fake.failNext(1, 429, 2);
    const first = await resend.emails.send(email, { idempotencyKey: "outbox-3" });
    expect(first.data).toBeNull();
    expect(first.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(first.headers?.["retry-after"]).toBe("2");
    const second = await resend.emails.send(email, { idempotencyKey: "outbox-3" });
    expect(second.error).toBeNull();
    expect(fake.emails).toHaveLength(1);
    fake.failNext(1, 500);
    expect((await resend.emails.send(email)).error).toMatchObject({ statusCode: 500 });
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200, 500]);
  });

  it("rejects a wrong API key and works through RESEND_BASE_URL", async () => {
    fake.clear();
    const wrong = new Resend("re_wrong", { baseUrl: fake.url });
    expect((await wrong.emails.send(email)).error).toMatchObject({ statusCode: 403 });
    const prev = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = fake.url;
    try {
      const viaEnv = new Resend("re_test_123");
      expect((await viaEnv.emails.send(email)).error).toBeNull();
    } finally {
      if (prev === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = prev;
    }
    expect(fake.emails).toHaveLength(1);
  });
});
