// Direct database access for e2e setup and assertions (creating staff, reading the outbox).
import { createDb, type Db } from "../../server/db/client";
import { hashPassword } from "../../server/auth/passwords";

let client: Db | undefined;
export function e2eDb(): Db {
  return (client ??= createDb(process.env.E2E_DATABASE_URL!));
}

let n = 0;
export async function createStaff(role: "AGENT" | "ADMIN" | "MANAGER" = "AGENT", locale = "en") {
  n += 1;
  const email = `${role.toLowerCase()}-${Date.now()}-${n}@example.test`;
  const password = "staff-password-123";
  await e2eDb().user.create({ data: { email, name: `${role === "ADMIN" ? "Admin" : "Agent"} ${n}`, role, locale, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } });
  return { email, password, name: `${role === "ADMIN" ? "Admin" : "Agent"} ${n}` };
}

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
