// The staff ticket view in Chromium: a canned reply with placeholders, a draft that survives a
// reload, an internal note the customer never sees (checked in the customer's own session),
// assignment, and closing through the close-notes dialog.
import { test, expect } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";

test("ticket view: canned reply, draft, internal note, assign, close with notes", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const customer = await createCustomer("Maria Customer");
  const id = await createTicket(customer.id, `Cannot log in ${stamp}`, "The password reset mail never arrives.");
  await e2eDb().cannedReply.create({ data: { title: `Greeting ${stamp}`, body: "Hello {{customer.name}}, this is {{agent.name}} about ticket #{{ticket.number}}." } });
  const agent = await createStaff("AGENT");

  const agentCtx = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" } });
  const page = await agentCtx.newPage();
  await signIn(page, agent.email, agent.password);
  await page.goto(`/staff/tickets/${id}`);
  await expect(page.getByTestId("ticket-title")).toHaveText(`Cannot log in ${stamp}`);

  // canned reply with placeholders filled, then a draft that survives a reload
  await page.getByTestId("canned-trigger").click();
  await page.getByTestId("canned-item").filter({ hasText: `Greeting ${stamp}` }).click();
  const text = page.getByTestId("composer-text");
  await expect(text).toHaveValue(`Hello Maria Customer, this is ${agent.name} about ticket #${id}.`);
  await text.press("End");
  await text.pressSequentially(" We resent the mail.");
  await expect(text).toHaveValue(/We resent the mail\.$/);
  await page.reload();
  await expect(page.getByTestId("composer-text")).toHaveValue(`Hello Maria Customer, this is ${agent.name} about ticket #${id}. We resent the mail.`);
  await page.getByTestId("reply-form").getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("thread")).toContainText("We resent the mail.");
  await expect(page.getByTestId("composer-text")).toHaveValue("");

  // internal note
  await page.getByTestId("mode-note").click();
  await page.getByTestId("composer-text").fill(`Secret note ${stamp}`);
  await page.getByTestId("composer-text").press("Control+Enter");
  await expect(page.getByTestId("internal-note").filter({ hasText: `Secret note ${stamp}` })).toBeVisible();

  // assign to me
  await page.getByTestId("assign-me").click();
  await expect(page.getByTestId("assignee-select").locator("option:checked")).toHaveText(agent.name);
  await expect(page.getByTestId("history")).toContainText("changed assignee");
  await shoot(page, "ticket");

  // close: the dialog asks for close notes first
  const closed = await e2eDb().status.findUniqueOrThrow({ where: { key: "closed" } });
  await page.getByTestId("status-select").selectOption(String(closed.id));
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close ticket" })).toBeDisabled();
  await dialog.getByLabel("Close notes").fill(`Reset the account manually ${stamp}`);
  await shoot(page, "ticket-close-dialog");
  await dialog.getByRole("button", { name: "Close ticket" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("status-select")).toHaveValue(String(closed.id));
  await expect(page.getByTestId("history")).toContainText(`Reset the account manually ${stamp}`);
  const t = await e2eDb().ticket.findUniqueOrThrow({ where: { id } });
  expect(t.statusId).toBe(closed.id);
  expect(await e2eDb().outboxMail.count({ where: { ticketId: id, template: "ticket.closed" } })).toBe(1);

  // the customer, in their own browser session, sees the reply but neither note
  const customerCtx = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" } });
  const cpage = await customerCtx.newPage();
  await signIn(cpage, customer.email, customer.password);
  await cpage.goto(`/tickets/${id}`);
  await expect(cpage.getByTestId("thread")).toContainText("We resent the mail.");
  await expect(cpage.locator("body")).not.toContainText(`Secret note ${stamp}`);
  await expect(cpage.locator("body")).not.toContainText(`Reset the account manually ${stamp}`);
  await expect(cpage.getByTestId("internal-note")).toHaveCount(0);
  await agentCtx.close();
  await customerCtx.close();
});
