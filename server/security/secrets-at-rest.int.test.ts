// The IMAP and SMTP passwords (and the Resend key) are sealed at rest and never leave the server
// (ASVS 5.0 V13.3.1, V11.3.3, V16.2.5/V14.2.x): not in any tRPC answer an admin can get, not in
// an error, not in a log line. The query procedures are enumerated from the real appRouter, so
// a new query is checked as soon as it exists.
import { describe, it, expect, beforeEach, afterEach, vi } from "vitest";
import { appRouter } from "@/server/api/root";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { open, isSealed } from "@/server/platform/settings/secret-box";

const IMAP_PASSWORD = "imap-Pa55word-DO-NOT-LEAK-7f3a";
const SMTP_PASSWORD = "smtp-Pa55word-DO-NOT-LEAK-91cd";
const RESEND_KEY = "re_resendKey_DO_NOT_LEAK_55aa";
const PLAIN = [IMAP_PASSWORD, SMTP_PASSWORD, RESEND_KEY];

type Proc = { _def: { type: "query" | "mutation" | "subscription" } };
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, Proc>;
const QUERIES = Object.keys(PROCEDURES).filter((p) => PROCEDURES[p]!._def.type === "query").sort();

let output: string[] = [];
let savedLevel: string | undefined;
beforeEach(() => {
  output = [];
  savedLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = "debug";
  const capture = (chunk: unknown) => {
    output.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture as never);
  vi.spyOn(process.stderr, "write").mockImplementation(capture as never);
  for (const m of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void output.push(a.map(String).join(" ")));
});
afterEach(() => {
  vi.restoreAllMocks();
  if (savedLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = savedLevel;
});

function expectNoSecret(where: string, text: string) {
  for (const p of PLAIN) expect(text.includes(p), `${where} contains a plain secret`).toBe(false);
}

function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const seg of path.split(".")) fn = (fn as Record<string, unknown>)[seg];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

async function configureSecrets(admin: ReturnType<typeof callerFor>) {
  const mail = await admin.settings.update({ group: "mail", values: { host: "127.0.0.1", port: 9, secure: false, username: "support@example.test", password: IMAP_PASSWORD } });
  const out = await admin.settings.update({ group: "outbound", values: { transport: "smtp", smtpHost: "127.0.0.1", smtpPort: 9, smtpSecure: false, smtpUsername: "support@example.test", smtpPassword: SMTP_PASSWORD, resendApiKey: RESEND_KEY } });
  return JSON.stringify([mail, out]);
}

describe("secrets at rest", () => {
  it("ASVS 5.0 V11.3.3/V13.3.1: the passwords are stored sealed with AES-256-GCM and open only with the key", async () => {
    const { actor } = await makeActor("ADMIN");
    const answer = await configureSecrets(callerFor(actor));
    expectNoSecret("settings.update answer", answer);
    expect(answer).toContain('"password":true');
    const rows = await db().setting.findMany({ where: { key: { in: ["mail.password", "outbound.smtpPassword", "outbound.resendApiKey"] } } });
    expect(rows).toHaveLength(3);
    expectNoSecret("settings table", JSON.stringify(rows));
    for (const r of rows) expect(isSealed(r.value), r.key).toBe(true);
    expect(rows.map((r) => open(r.value as string)).sort()).toEqual([...PLAIN].sort());
    // tampering is detected (authenticated encryption)
    const sealed = rows[0]!.value as string;
    const tampered = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => open(tampered)).toThrow();
  });

  it(`ASVS 5.0 V13.3.1/V16.2.5: none of the ${QUERIES.length} queries of the appRouter shows a password to an admin, nor logs it`, async () => {
    const w = await staffWorld();
    const { actor } = await makeActor("ADMIN");
    const admin = callerFor(actor);
    expectNoSecret("settings.update", await configureSecrets(admin));
    const ticketId = await openTicket(w.customer);
    const outboxId = (await db().outboxMail.findFirst({ select: { id: true } }))?.id ?? 1;
    const candidates: unknown[] = [
      undefined,
      {},
      { group: "mail" },
      { group: "outbound" },
      { group: "tickets" },
      { id: ticketId },
      { ticketId },
      { id: outboxId },
      { key: "ticket.created", locale: "en" },
      { key: "password.reset", locale: "en" },
      { text: "hello" },
      { body: "hello" },
      { from: new Date(Date.now() - 86_400_000), to: new Date() },
      { lang: "en" },
      { q: "hello", lang: "en" },
      // the public link checks of the auth and rate pages (auth.linkAddress, rateLink.view, …)
      { token: "not-a-token", purpose: "magic-link", locale: "en" },
    ];
    const answered: string[] = [];
    for (const path of QUERIES) {
      for (const input of candidates) {
        try {
          const res = await callPath(admin, path, input);
          expectNoSecret(`${path}(${JSON.stringify(input)})`, JSON.stringify(res) ?? "");
          answered.push(path);
        } catch (e) {
          const err = e as { message?: string; cause?: unknown; shape?: unknown };
          expectNoSecret(`${path} error`, `${err.message} ${JSON.stringify(err.shape ?? null)} ${String(err.cause)}`);
        }
      }
    }
    const unanswered = QUERIES.filter((q) => !answered.includes(q));
    // most queries must find an input they accept (today all but a couple with required ids)
    expect(unanswered.length, `queries no candidate input fits: ${unanswered.join(", ")}`).toBeLessThanOrEqual(Math.ceil(QUERIES.length / 5));
    // the settings queries must have answered, else this test proves nothing
    expect(answered).toEqual(expect.arrayContaining(["settings.get", "meta.portal"]));
    const settingsAnswers = await Promise.all((["mail", "outbound"] as const).map((group) => admin.settings.get({ group })));
    expect(settingsAnswers[0]!.secretsSet).toMatchObject({ password: true });
    expect(settingsAnswers[1]!.secretsSet).toMatchObject({ smtpPassword: true, resendApiKey: true });
    expect((settingsAnswers[0]!.values as { password?: string }).password).toBe("");
    expect((settingsAnswers[1]!.values as { smtpPassword?: string }).smtpPassword).toBe("");
    expectNoSecret("log output", output.join("\n"));
  });

  it("ASVS 5.0 V16.2.5: a failing mailbox test and the mutations' answers do not echo the stored password", async () => {
    const { actor } = await makeActor("ADMIN");
    const admin = callerFor(actor);
    await configureSecrets(admin);
    const mailRouter = (admin as unknown as { mail?: { testConnection: (i: unknown) => Promise<unknown> } }).mail;
    if (mailRouter) {
      const res = await mailRouter.testConnection({});
      expectNoSecret("mail.testConnection", JSON.stringify(res));
    }
    // the same for customers and agents: settings are admin-only
    for (const role of ["CUSTOMER", "AGENT"] as const) {
      const other = callerFor((await makeActor(role)).actor);
      await expect(other.settings.get({ group: "mail" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expectNoSecret("log output", output.join("\n"));
  });
});
