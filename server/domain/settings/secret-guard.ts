// A stored mailbox/SMTP password must never follow the connection to a new server: whoever
// changes where or how it is sent must type the password again, or an admin session could
// capture the mailbox password on a server of its choosing. That is every connection field:
// host and user, but also port and protocol (another service on the same host), TLS off or
// certificate checks off or another CA (the password in cleartext, or to a man in the middle).

export const GUARDED: Record<string, { secret: string; fields: string[] }> = {
  mail: { secret: "password", fields: ["protocol", "host", "port", "secure", "allowInvalidCertificate", "caPem", "username"] },
  outbound: { secret: "smtpPassword", fields: ["smtpHost", "smtpPort", "smtpSecure", "smtpUsername"] },
};

/** The secret key that must be re-entered for this change, or null when none is needed. */
export function secretReentryNeeded(group: string, current: Record<string, unknown>, patch: Record<string, unknown>): string | null {
  const g = GUARDED[group];
  if (!g || !current[g.secret]) return null; // no stored secret to capture
  const moved = g.fields.some((f) => f in patch && patch[f] !== undefined && patch[f] !== current[f]);
  const given = typeof patch[g.secret] === "string" && patch[g.secret] !== "";
  return moved && !given ? g.secret : null;
}
