// Staff-dashboard e2e setup: customers and tickets written straight to the database, and
// screenshots (1280 and 390 wide) when SCREENSHOT_DIR is set.
import type { Page } from "@playwright/test";
import { e2eDb, uniqueEmail } from "./db";
import { hashPassword } from "../../server/auth/passwords";

export async function createCustomer(name = "Jane Customer", locale = "en") {
  const email = uniqueEmail("customer");
  const password = "customer-pass-123";
  const u = await e2eDb().user.create({ data: { email, name, role: "CUSTOMER", locale, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } });
  return { id: u.id, email, password, name };
}

export async function createTicket(requesterId: number, title: string, body = "Details of the problem.", over: { statusKey?: string; assigneeId?: number; reply?: string } = {}) {
  const db = e2eDb();
  const status = await db.status.findFirstOrThrow({ where: over.statusKey ? { key: over.statusKey } : { isDefault: true } });
  const category = await db.category.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" } });
  const t = await db.ticket.create({
    data: { title, body, bodyHtml: `<p>${body}</p>`, categoryId: category.id, statusId: status.id, requesterId, assigneeId: over.assigneeId ?? null, closedAt: status.isClosed ? new Date() : null },
  });
  if (over.reply) await db.message.create({ data: { ticketId: t.id, bodyText: over.reply, bodyHtml: `<p>${over.reply}</p>`, authorId: requesterId } });
  return t.id;
}

export async function shoot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}
