// Creating accounts: sign-up (customer), the first admin (/setup and admin:create), agents.
import { z } from "zod";
import type { Db } from "@/server/db/client";
import { hashPassword, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from "@/server/auth/passwords";
import { isUniqueViolation } from "@/server/db/errors";
import { DomainError, badRequest } from "@/server/domain/errors";

export const emailSchema = z.string().trim().toLowerCase().max(254, "TOO_LONG").email("INVALID_EMAIL");
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, "PASSWORD_TOO_SHORT").max(MAX_PASSWORD_LENGTH, "TOO_LONG");
export const nameSchema = z.string().trim().min(1, "REQUIRED").max(120, "TOO_LONG");

export const registerSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

/**
 * `verified: false` for a self-service sign-up (the address is proven later by a mailed link);
 * accounts made by an operator (/setup, admin:create) count as proven.
 */
export async function registerUser(db: Db, input: { name: string; email: string; password: string | null; role?: "CUSTOMER" | "AGENT" | "ADMIN" | "MANAGER"; locale?: string; verified?: boolean }) {
  const email = emailSchema.parse(input.email);
  try {
    return await db.user.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role ?? "CUSTOMER",
        locale: input.locale === "en" ? "en" : "ru",
        passwordHash: input.password ? await hashPassword(input.password) : null,
        emailVerifiedAt: input.verified === false ? null : new Date(),
      },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("CONFLICT", "EMAIL_TAKEN");
    throw e;
  }
}

/** The first administrator: only while none exists (the /setup page closes itself). */
export async function createFirstAdmin(db: Db, input: { name: string; email: string; password: string; locale?: string }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72817002)`;
    if (await tx.user.count({ where: { role: "ADMIN" } })) throw badRequest("ADMIN_EXISTS");
    return registerUser(tx as unknown as Db, { ...input, role: "ADMIN" });
  });
}

export async function hasAdmin(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { role: "ADMIN", isActive: true } })) > 0;
}
