// The signed-in customer's side under the settings flipped on the admin page: edit own
// ticket, uploads, reply after close, rating, and the automatic status after a reply.
import { test, expect } from "@playwright/test";
import { adminPage, customerPage, openTicket, closeTicket, resetTicketSettings, setTicketSettings } from "./support/portal";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test.afterEach(resetTicketSettings);

test("edit own ticket: on by default, gone when the admin turns it off", async ({ browser }) => {
  const { page } = await customerPage(browser);
  await openTicket(page, "Printer makes noise");
  await page.getByTestId("edit-ticket").click();
  const form = page.getByTestId("edit-ticket-form");
  await form.locator('input[name="title"]').fill("Printer makes a loud noise");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("ticket-title")).toHaveText("Printer makes a loud noise");

  const admin = await adminPage(browser);
  await setTicketSettings(admin, { allowTicketEdit: false });
  await page.reload();
  await expect(page.getByTestId("edit-ticket")).toHaveCount(0);
});

test("uploads: drag-and-drop picker uploads with progress, the file is attached; off hides it", async ({ browser }) => {
  const { page } = await customerPage(browser);
  await page.goto("/tickets/new");
  const form = page.getByTestId("new-ticket-form");
  await form.getByTestId("file-input").setInputFiles({ name: "screen.png", mimeType: "image/png", buffer: PNG });
  await expect(form.getByTestId("upload-item")).toHaveAttribute("data-state", "done");
  await form.getByTestId("file-input").setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from("<html><script>x</script></html>") });
  await expect(form.getByTestId("upload-item").nth(1)).toHaveAttribute("data-state", "error");
  await form.locator('input[name="title"]').fill("Screenshot of the error");
  await form.locator('textarea[name="body"]').fill("See attached.");
  await form.getByRole("button", { name: "Send ticket" }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  const link = page.getByTestId("thread").getByRole("link", { name: "screen.png" });
  await expect(link).toBeVisible();
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");

  const admin = await adminPage(browser);
  await setTicketSettings(admin, { allowUploads: false });
  await page.goto("/tickets/new");
  await expect(page.getByTestId("attachment-picker")).toHaveCount(0);
});

test("closed ticket: no replies and a rating form; the admin switches both", async ({ browser }) => {
  const { page } = await customerPage(browser);
  const id = await openTicket(page, "Password reset mail missing");
  await closeTicket(id);
  await page.reload();
  await expect(page.getByTestId("replies-closed")).toBeVisible();
  await expect(page.getByTestId("reply-form")).toHaveCount(0);
  await page.getByTestId("star-4").click();
  await page.getByTestId("rating").locator("textarea").fill("Fast, thanks");
  await page.getByRole("button", { name: "Send rating" }).click();
  await expect(page.getByTestId("rating")).toContainText("Your rating: 4 of 5");

  const admin = await adminPage(browser);
  await setTicketSettings(admin, { noRepliesAfterClose: false, allowRating: false });
  await page.reload();
  await expect(page.getByTestId("reply-form")).toBeVisible();
  await expect(page.getByTestId("rating")).toHaveCount(0);
  await expect(page.getByTestId("rating-readonly")).toBeVisible();
});

test("auto-status: a customer reply moves the ticket to the status the admin chose", async ({ browser }) => {
  const admin = await adminPage(browser);
  await setTicketSettings(admin, { statusOnClientReply: "In progress" });
  const { page } = await customerPage(browser);
  await openTicket(page, "VPN drops every hour");
  await expect(page.getByTestId("status-badge")).toHaveText("New");
  await page.getByTestId("reply-form").locator("textarea").fill("It happened again at 10:00.");
  await page.getByTestId("reply-form").getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("thread")).toContainText("It happened again");
  await expect(page.getByTestId("status-badge")).toHaveText("In progress");
});
