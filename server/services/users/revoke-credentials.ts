// Ending everything an account can act with: its sessions, its API tokens and (when asked) its
// password. One step for every place that changes who an account belongs to or what it may do —
// a reclaimed unverified sign-up, an invited existing account, a password reset, a role change,
// a deactivation — so none of them forgets a credential.
import type { Db, Tx } from "@/server/db/client";

export type RevokeOptions = {
  /** also clear the password: the owner of the address sets a new one through a mailed link */
  clearPassword?: boolean;
  /** also mark the address unproven (a reclaimed sign-up proves it again through the link) */
  unverify?: boolean;
};

export async function revokeCredentials(tx: Tx | Db, userId: number, opts: RevokeOptions = {}): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: {
      sessionVersion: { increment: 1 },
      ...(opts.clearPassword ? { passwordHash: null } : {}),
      ...(opts.unverify ? { emailVerifiedAt: null } : {}),
    },
  });
  await tx.userSession.deleteMany({ where: { userId } });
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  // links mailed earlier (set-password, sign-in) were meant for the previous state of the account
  await tx.authToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
}
