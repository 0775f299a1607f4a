// An imported Patchesoft ticket in Chromium (issue 17): the customer signs in with the password
// they had in Patchesoft (old hash, rehashed on the way) and opens their ticket by its old
// number in the portal; an agent opens the same ticket in the staff view with its replies,
// internal note and file. Source: a throwaway MariaDB with a generated Patchesoft data set.
import { test, expect } from "@playwright/test";
import { e2eDb, createStaff } from "./support/db";
import { signIn } from "./support/auth";
import { shoot } from "./support/staff";
import { startPatchesoft, type PatchesoftFixture } from "../server/testing/mariadb-patchesoft";
import { KNOWN_PASSWORD } from "../server/testing/mariadb-patchesoft-data";

// numbers far above what the other specs create in the shared e2e database
const FIRST = 700_001;
let ps: PatchesoftFixture;
let saved: { key: string; value: unknown }[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // the import runs here, against the e2e server's database and upload folder
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  process.env.DATA_DIR = process.env.E2E_DATA_DIR;
  ps = await startPatchesoft(40, FIRST);
  saved = await e2eDb().setting.findMany({ select: { key: true, value: true } });
  const { runPatchesoftImport } = await import("../server/services/import/patchesoft/run-import");
  await runPatchesoftImport({ mysqlUrl: ps.url, filesDir: ps.filesDir });
});

test.afterAll(async () => {
  // the import brought Patchesoft's ticket and mail settings: give the later specs theirs back
  await e2eDb().setting.deleteMany({ where: { key: { notIn: saved.map((s) => s.key) } } });
  for (const s of saved) await e2eDb().setting.update({ where: { key: s.key }, data: { value: s.value as never } });
  await ps?.stop();
});

/** An imported ticket of a customer who has a password (from Patchesoft), with a file. */
async function importedTicket() {
  return e2eDb().ticket.findFirstOrThrow({
    where: { id: { gte: FIRST }, attachments: { some: {} }, requester: { passwordHash: { not: null }, email: { not: ps.ds.phpassUser } } },
    include: { requester: true, attachments: true, messages: { where: { isInternal: false }, orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
  });
}

test("portal: the customer signs in with the old password and opens the ticket by its old number", async ({ browser }) => {
  const t = await importedTicket();
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: t.requesterId }, select: { passwordHash: true } })).passwordHash).toMatch(/^\$2a\$/);
  const ctx = await browser.newContext({ locale: "ru-RU" });
  const page = await ctx.newPage();
  await signIn(page, t.requester.email, KNOWN_PASSWORD);
  const after = await e2eDb().user.findUniqueOrThrow({ where: { id: t.requesterId }, select: { passwordHash: true } });
  expect(after.passwordHash).toMatch(/^\$argon2id\$/);
  await page.goto(`/tickets/${t.id}`);
  await expect(page.getByTestId("ticket-title")).toHaveText(t.title);
  expect(t.title).toMatch(/^Проблема: /);
  await expect(page.getByTestId("thread")).toContainText(t.messages[1]!.bodyText.slice(0, 30));
  await expect(page.getByTestId("thread")).not.toContainText("Внутренняя заметка");
  await expect(page.getByTestId("thread").getByRole("link", { name: t.attachments[0]!.fileName })).toBeVisible();
  await shoot(page, "patchesoft-portal");
  await ctx.close();
});

test("staff view: the imported ticket with its replies, internal note and file", async ({ browser }) => {
  const t = await importedTicket();
  const agent = await createStaff("AGENT", "ru");
  const ctx = await browser.newContext({ locale: "ru-RU" });
  const page = await ctx.newPage();
  await signIn(page, agent.email, agent.password);
  await page.goto(`/staff/tickets/${t.id}`);
  await expect(page.getByTestId("ticket-title")).toHaveText(t.title);
  for (const m of t.messages) await expect(page.getByTestId("thread")).toContainText(m.bodyText.slice(0, 30));
  await expect(page.getByTestId("thread").getByRole("link", { name: t.attachments[0]!.fileName })).toBeVisible();
  // Patchesoft's history lines, with their text
  await expect(page.getByTestId("history-event").filter({ hasText: "Заявка создана" })).toContainText("запись истории из Patchesoft");
  await shoot(page, "patchesoft-staff");
  // Patchesoft's per-ticket notes are an internal note here
  const noted = await e2eDb().ticket.findFirstOrThrow({ where: { id: { gte: FIRST }, messages: { some: { isInternal: true } } }, orderBy: { id: "asc" } });
  await page.goto(`/staff/tickets/${noted.id}`);
  await expect(page.getByTestId("internal-note")).toContainText(`Внутренняя заметка по заявке ${noted.id}`);
  await ctx.close();
});
