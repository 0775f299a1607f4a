// Teams and category scoping in Chromium (issue 16): an admin builds a team on the Teams page
// (English and Russian), its agent then sees only the team's categories in the queue and gets
// "not found" for another team's ticket; the agent marks themselves away on the account page.
// Uses categories of its own (never the first one), so other specs' agents are not affected.
import { test, expect } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, shoot } from "./support/staff";
import { russianContext } from "./support/kb";

// a loaded machine (other suites, two cores): sign-ins and first renders can be slow
test.setTimeout(180_000);

async function ticketIn(categoryId: number, requesterId: number, title: string) {
  const status = await e2eDb().status.findFirstOrThrow({ where: { isDefault: true } });
  return (await e2eDb().ticket.create({ data: { title, body: "Details", bodyHtml: "<p>Details</p>", categoryId, statusId: status.id, requesterId } })).id;
}

test("teams: an admin links a category to a team; its agent sees only that category", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const db = e2eDb();
  const billing = await db.category.create({ data: { nameRu: `Счета ${stamp}`, nameEn: `Billing ${stamp}`, sortOrder: 9000 } });
  const hardware = await db.category.create({ data: { nameRu: `Железо ${stamp}`, nameEn: `Hardware ${stamp}`, sortOrder: 9001 } });
  await db.team.create({ data: { name: `Hardware team ${stamp}`, categories: { create: [{ categoryId: hardware.id }] } } });
  const customer = await createCustomer("Scoped Customer");
  const mine = await ticketIn(billing.id, customer.id, `Invoice twice ${stamp}`);
  const foreign = await ticketIn(hardware.id, customer.id, `Broken laptop ${stamp}`);
  const [admin, agent] = [await createStaff("ADMIN"), await createStaff("AGENT")];
  agent.name = `Scoped Agent ${stamp}`; // names of createStaff repeat across workers
  await db.user.update({ where: { email: agent.email }, data: { name: agent.name } });

  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/settings/teams");
  await expect(page.getByRole("heading", { name: "Teams" })).toBeVisible();
  await page.getByTestId("new-team").click();
  const form = page.getByTestId("team-form");
  await form.getByLabel("Name").fill(`Billing team ${stamp}`);
  await form.getByLabel(`Billing ${stamp}`).check();
  await form.getByLabel(agent.name, { exact: true }).check();
  await form.getByRole("button", { name: "Save" }).click();
  const row = page.getByTestId("team-row").filter({ hasText: `Billing team ${stamp}` });
  await expect(row).toContainText(`Billing ${stamp}`);
  await expect(row).toContainText(agent.name);
  await shoot(page, "admin-teams");

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, agent.email, agent.password);
  await agentPage.goto(`/staff?q=${stamp}`);
  const rows = agentPage.getByTestId("queue-row");
  await expect(rows.filter({ hasText: `Invoice twice ${stamp}` })).toBeVisible();
  await expect(rows.filter({ hasText: `Broken laptop ${stamp}` })).toHaveCount(0);
  await agentPage.goto(`/staff/tickets/${mine}`);
  await expect(agentPage.getByRole("heading", { name: `Invoice twice ${stamp}` })).toBeVisible();
  await agentPage.goto(`/staff/tickets/${foreign}`);
  await expect(agentPage.getByText("Page not found")).toBeVisible();
  await expect(agentPage.getByText(`Broken laptop ${stamp}`)).toHaveCount(0);
  await agentContext.close();

  // Russian (the interface follows the account's language)
  const ruAdmin = await createStaff("ADMIN", "ru");
  const ru = await russianContext(browser);
  const ruPage = await ru.newPage();
  await signIn(ruPage, ruAdmin.email, ruAdmin.password);
  await ruPage.goto("/staff/settings/teams");
  await expect(ruPage.getByRole("heading", { name: "Команды" })).toBeVisible();
  await expect(ruPage.getByTestId("team-row").filter({ hasText: `Billing team ${stamp}` })).toContainText(`Счета ${stamp}`);
  await shoot(ruPage, "admin-teams-ru");
  await ru.close();

  // leave the shared database as other specs expect it: no team owns these categories
  await db.team.deleteMany({ where: { name: { in: [`Billing team ${stamp}`, `Hardware team ${stamp}`] } } });
});

test("away: an agent marks themselves away on the account page (en, ru)", async ({ page, browser }) => {
  const agent = await createStaff("AGENT");
  await signIn(page, agent.email, agent.password);
  await page.goto("/account");
  await expect(page.getByText("While you are away, new tickets are not assigned to you automatically.")).toBeVisible();
  await page.getByTestId("away-switch").click();
  await expect(page.getByText("Saved.").first()).toBeVisible();
  await expect.poll(async () => (await e2eDb().user.findUniqueOrThrow({ where: { email: agent.email } })).away).toBe(true);
  await shoot(page, "account-away");

  await e2eDb().user.update({ where: { email: agent.email }, data: { locale: "ru" } });
  const ru = await russianContext(browser);
  const ruPage = await ru.newPage();
  await signIn(ruPage, agent.email, agent.password);
  await ruPage.goto("/account");
  await expect(ruPage.getByText("Меня нет на месте")).toBeVisible();
  await ruPage.getByTestId("away-switch").click();
  await expect.poll(async () => (await e2eDb().user.findUniqueOrThrow({ where: { email: agent.email } })).away).toBe(false);
  await ru.close();
});
