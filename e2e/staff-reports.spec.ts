// The reports page in Chromium: the charts render with data, the range picker, CSV export.
import { test, expect } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";

test("reports: charts, range, CSV", async ({ page }) => {
  const customer = await createCustomer();
  const agent = await createStaff("AGENT");
  const agentRow = await e2eDb().user.findUniqueOrThrow({ where: { email: agent.email } });
  const day = 86_400_000;
  for (let i = 0; i < 6; i++) {
    const id = await createTicket(customer.id, `Report ticket ${i}`, "x", { statusKey: i % 2 ? "closed" : undefined, assigneeId: agentRow.id });
    const created = new Date(Date.now() - (i + 1) * day);
    await e2eDb().ticket.update({
      where: { id },
      data: { createdAt: created, firstResponseAt: new Date(created.getTime() + (i + 1) * 3_600_000), ...(i % 2 ? { closedAt: new Date(created.getTime() + day / 2), rating: 3 + (i % 3), ratedAt: new Date(created.getTime() + day / 2) } : {}) },
    });
  }
  await signIn(page, agent.email, agent.password);
  await page.goto("/staff/reports");
  await expect(page.getByRole("heading", { name: "Reports" })).toBeVisible();
  await expect(page.getByTestId("chart-per-day").locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("chart-per-day").locator(".recharts-line")).toHaveCount(2);
  await expect(page.getByTestId("chart-ratings").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("per-agent")).toContainText(agent.name);
  await expect(page.getByTestId("stat-created")).not.toContainText(/^0$/);
  await shoot(page, "reports");

  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");

  const download = page.waitForEvent("download");
  await page.getByTestId("report-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^helpdesk-report-.*\.csv$/);
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString("utf8")).toContain("per_day,");
});
