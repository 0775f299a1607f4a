// Administration in Chromium: status admin (create, rename, use on a ticket, merge), the
// auto-close settings page, and the auto-close cron URL guarded by CRON_SECRET.
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";

test("status admin: create, rename, use, merge into another", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const admin = await createStaff("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/settings/statuses");
  await page.getByTestId("status-new").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name (Russian)").fill(`На проверке ${stamp}`);
  await dialog.getByLabel("Name (English)").fill(`In review ${stamp}`);
  await dialog.getByRole("button", { name: "Create" }).click();
  const row = page.getByTestId("status-row").filter({ hasText: `In review ${stamp}` });
  await expect(row).toBeVisible();

  await row.getByTestId("status-edit").click();
  await dialog.getByLabel("Name (English)").fill(`Reviewing ${stamp}`);
  await dialog.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByTestId("status-row").filter({ hasText: `Reviewing ${stamp}` });
  await expect(renamed).toBeVisible();
  await shoot(page, "admin-statuses");

  // use it on a ticket, then it can only be merged (not deleted)
  const customer = await createCustomer();
  const id = await createTicket(customer.id, `Status admin ${stamp}`);
  const status = await e2eDb().status.findFirstOrThrow({ where: { nameEn: `Reviewing ${stamp}` } });
  await e2eDb().ticket.update({ where: { id }, data: { statusId: status.id } });
  await page.reload();
  await expect(renamed.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await renamed.getByTestId("status-merge").click();
  await expect(dialog).toContainText("1 ticket uses this status");
  const inProgress = await e2eDb().status.findUniqueOrThrow({ where: { key: "in_progress" } });
  await page.getByTestId("merge-into").selectOption(String(inProgress.id));
  await dialog.getByRole("button", { name: "Merge and delete" }).click();
  await expect(page.getByText("Status merged; 1 ticket moved.")).toBeVisible();
  await expect(page.getByTestId("status-row").filter({ hasText: `Reviewing ${stamp}` })).toHaveCount(0);
  expect((await e2eDb().ticket.findUniqueOrThrow({ where: { id } })).statusId).toBe(inProgress.id);
});

test("auto-close: settings page and the cron URL", async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const admin = await createStaff("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/settings/auto-close");
  await page.getByTestId("auto-close-switch").click();
  await page.getByTestId("auto-close-days").fill("5");
  // a reminder on the closing day is refused with the decider's reason, then fixed
  await page.getByTestId("auto-close-reminder").fill("5");
  await page.getByTestId("auto-close-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The reminder must come before the closing day.")).toBeVisible();
  await page.getByTestId("auto-close-reminder").fill("2");
  const waiting = await e2eDb().status.findUniqueOrThrow({ where: { key: "waiting" } });
  await expect(page.getByTestId("auto-close-status")).toHaveValue(String(waiting.id));
  await page.getByTestId("auto-close-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await shoot(page, "admin-auto-close");

  const customer = await createCustomer();
  const id = await createTicket(customer.id, `Waiting too long ${stamp}`, "x", { statusKey: "waiting" });
  await e2eDb().ticket.update({ where: { id }, data: { lastCustomerAt: new Date(Date.now() - 6 * 86_400_000), statusChangedAt: new Date(Date.now() - 6 * 86_400_000) } });

  const soon = await createTicket(customer.id, `Reminder due ${stamp}`, "x", { statusKey: "waiting" });
  await e2eDb().ticket.update({ where: { id: soon }, data: { lastCustomerAt: new Date(Date.now() - 4 * 86_400_000), statusChangedAt: new Date(Date.now() - 3.5 * 86_400_000) } });

  expect((await request.get("/cron/auto_close")).status()).toBe(401);
  expect((await request.get("/cron/auto_close", { headers: { authorization: "Bearer not-the-secret" } })).status()).toBe(401);
  const secret = JSON.parse(fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, "secrets.json"), "utf8")).CRON_SECRET as string;
  const res = await request.post("/cron/auto_close", { headers: { authorization: `Bearer ${secret}` } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.result.ticketIds).toContain(id);
  expect(body.result.remindedIds).toContain(soon);
  expect(await e2eDb().outboxMail.count({ where: { ticketId: soon, template: "ticket.reminder" } })).toBe(1);
  const closed = await e2eDb().status.findUniqueOrThrow({ where: { key: "closed" } });
  expect((await e2eDb().ticket.findUniqueOrThrow({ where: { id } })).statusId).toBe(closed.id);
  expect(await e2eDb().outboxMail.count({ where: { ticketId: id, template: "ticket.closed" } })).toBe(1);
  // switch it off again so other specs are not affected
  await page.getByTestId("auto-close-switch").click();
  await page.getByTestId("auto-close-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.").first()).toBeVisible();
});
