// An imported Patchesoft ticket in Chromium (issue 17): the customer signs in with the password
// they had in Patchesoft (old hash, rehashed on the way) and opens their ticket by its old
// number in the portal; an agent opens the same ticket in the staff view with its replies,
// internal note and file, and the ticket model that came with it (priority, sub-category, a
// custom field value). Source: a throwaway MariaDB with a generated Patchesoft data set.
import { test, expect, type Browser } from "@playwright/test";
import { e2eDb, createStaff } from "./support/db";
import { signIn } from "./support/auth";
import { shoot } from "./support/staff";
import { startPatchesoft, type PatchesoftFixture } from "../server/testing/mariadb-patchesoft";
import { KNOWN_PASSWORD } from "../server/testing/mariadb-patchesoft-data";

// a 40-ticket import, signed-in browsers and screenshots on a shared 2-core machine
test.describe.configure({ timeout: 180_000 });

// numbers far above what the other specs create in the shared e2e database
const FIRST = 700_001;
let ps: PatchesoftFixture;
let saved: { key: string; value: unknown }[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // the import runs here, against the e2e server's database and upload folder
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  process.env.DATA_DIR = process.env.E2E_DATA_DIR;
  // an earlier spec in this worker may have read the environment before these were set
  (await import("../server/env")).resetEnvCache();
  ps = await startPatchesoft(40, FIRST);
  saved = await e2eDb().setting.findMany({ select: { key: true, value: true } });
  const { runPatchesoftImport } = await import("../server/services/import/patchesoft/run-import");
  await runPatchesoftImport({ mysqlUrl: ps.url, filesDir: ps.filesDir });
});

test.afterAll(async () => {
  // Patchesoft's custom fields (one is required in every category) would change the later specs' ticket forms
  const fields = await e2eDb().importMap.findMany({ where: { source: "patchesoft", entity: "custom field" }, select: { targetId: true } });
  await e2eDb().customField.updateMany({ where: { id: { in: fields.map((f) => Number(f.targetId)) } }, data: { archivedAt: new Date() } });
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

/** A Russian-speaking agent signed in on the staff page of an imported ticket, its title checked. */
async function openAsAgent(browser: Browser, t: { id: number; title: string }) {
  const agent = await createStaff("AGENT", "ru");
  const ctx = await browser.newContext({ locale: "ru-RU" });
  const page = await ctx.newPage();
  await signIn(page, agent.email, agent.password);
  await page.goto(`/staff/tickets/${t.id}`);
  await expect(page.getByTestId("ticket-title")).toHaveText(t.title);
  return { ctx, page };
}

test("staff view: the imported ticket with its replies, internal note and file", async ({ browser }) => {
  const t = await importedTicket();
  const { ctx, page } = await openAsAgent(browser, t);
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

test("staff view: the imported priority, sub-category and custom field value", async ({ browser }) => {
  // Patchesoft's field 4, "Срочность" (a select)
  const map = await e2eDb().importMap.findUniqueOrThrow({ where: { source_entity_sourceId: { source: "patchesoft", entity: "custom field", sourceId: "4" } } });
  const urgency = await e2eDb().customField.update({ where: { id: Number(map.targetId) }, data: { archivedAt: null } });
  const candidates = await e2eDb().ticket.findMany({ where: { id: { gte: FIRST }, category: { parentId: { not: null } } }, include: { priority: true, category: { include: { parent: true } } }, orderBy: { id: "asc" } });
  const t = candidates.find((c) => typeof (c.customFields as Record<string, unknown>)[String(urgency.id)] === "string")!;
  expect(t.category.parent!.nameRu).toBe("Техподдержка");
  const { ctx, page } = await openAsAgent(browser, t);
  const priority = page.getByTestId("ticket-fields").getByTestId("priority-select");
  await expect(priority).toHaveValue(String(t.priorityId));
  await expect(priority.locator("option:checked")).toHaveText(t.priority.nameRu);
  const category = page.getByTestId("category-select");
  await expect(category).toHaveValue(String(t.categoryId));
  // the grouped picker: the sub-category is an option inside its parent's group
  await expect(category.locator("option:checked")).toHaveText(t.category.nameRu);
  await expect(category.locator('optgroup[label="Техподдержка"] option:checked')).toHaveCount(1);
  const value = (t.customFields as Record<string, string>)[String(urgency.id)]!;
  await expect(page.getByTestId("custom-fields").locator(`select[name="field-${urgency.id}"]`)).toHaveValue(value);
  await shoot(page, "patchesoft-staff-fields");
  await ctx.close();
});
