// Staff attach a file to a reply from the ticket view; the customer downloads it from the
// portal, and the picker is empty again after sending.
import { test, expect } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createTicket } from "./support/staff";
import { customerPage } from "./support/portal";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("staff reply with an attachment reaches the customer", async ({ browser }) => {
  const { page: customer, email } = await customerPage(browser);
  const user = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  const id = await createTicket(user.id, `Need the invoice ${Date.now()}`);
  const agentCtx = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" } });
  const agent = await agentCtx.newPage();
  const staff = await createStaff("AGENT");
  await signIn(agent, staff.email, staff.password);
  await agent.goto(`/staff/tickets/${id}`);
  const form = agent.getByTestId("reply-form");
  await form.getByTestId("composer-text").fill("Here is the scan.");
  await form.getByTestId("file-input").setInputFiles({ name: "invoice.png", mimeType: "image/png", buffer: PNG });
  await expect(form.getByTestId("upload-item")).toHaveAttribute("data-state", "done");
  await form.getByRole("button", { name: "Send reply" }).click();
  await expect(agent.getByTestId("thread").getByRole("link", { name: "invoice.png" })).toBeVisible();
  await expect(form.getByTestId("attachment-picker")).not.toContainText("invoice.png");

  await customer.goto(`/tickets/${id}`);
  const link = customer.getByTestId("thread").getByRole("link", { name: "invoice.png" });
  await expect(link).toBeVisible();
  const res = await customer.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  await agentCtx.close();
});
