// The staff queue in Chromium: views with counts, filters in the URL, full-text search over
// replies, and a bulk assignment from the checkboxes.
import { test, expect } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";

test("queue: filter, search (title and replies), bulk assign", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const customer = await createCustomer("Queue Customer");
  const printer = await createTicket(customer.id, `Принтер не печатает ${stamp}`, "Пустые листы из лотка");
  const vpn = await createTicket(customer.id, `VPN drops ${stamp}`, "Connection resets every hour", { reply: `Помогла переустановка клиента ${stamp}` });
  const closed = await createTicket(customer.id, `Old closed issue ${stamp}`, "Done", { statusKey: "closed" });
  const agent = await createStaff("AGENT");
  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL(/\/staff$/);

  // default view: all open — the closed ticket is not there
  const rows = page.getByTestId("queue-row");
  await expect(rows.filter({ hasText: `VPN drops ${stamp}` })).toBeVisible();
  await expect(rows.filter({ hasText: `Old closed issue ${stamp}` })).toHaveCount(0);
  await shoot(page, "queue");

  // full-text search: Russian stemming over the title, and over a reply
  await page.keyboard.press("/");
  await expect(page.getByTestId("queue-search")).toBeFocused();
  await page.keyboard.type("принтеры");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=%D0%BF/);
  await expect(rows.filter({ hasText: `Принтер не печатает ${stamp}` })).toBeVisible();
  await expect(rows.filter({ hasText: `VPN drops ${stamp}` })).toHaveCount(0);

  await page.getByTestId("queue-search").fill(`переустановку клиента ${stamp}`);
  await page.getByTestId("queue-search").press("Enter");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`VPN drops ${stamp}`);

  // status filter from the URL (bookmarkable): all statuses includes the closed one
  await page.goto(`/staff?status=all&q=${stamp}`);
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId("filter-status")).toHaveValue("all");

  // bulk: select two, assign to me
  await page.goto(`/staff?q=${stamp}`);
  await expect(rows).toHaveCount(2);
  await page.getByRole("checkbox", { name: /select all/i }).check();
  await expect(page.getByTestId("bulk-bar")).toContainText("2 tickets selected");
  const me = await e2eDb().user.findUniqueOrThrow({ where: { email: agent.email } });
  await page.getByTestId("bulk-assignee").selectOption(String(me.id));
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("2 tickets updated")).toBeVisible();
  const assigned = await e2eDb().ticket.findMany({ where: { id: { in: [printer, vpn] } }, select: { assigneeId: true } });
  expect(assigned.every((t) => t.assigneeId === me.id)).toBe(true);
  expect((await e2eDb().ticket.findUniqueOrThrow({ where: { id: closed } })).assigneeId).toBeNull();

  // the "Mine" view shows them with its count
  await page.getByTestId("view-mine").click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("view-mine").getByTestId("count")).toHaveText("2");
});
