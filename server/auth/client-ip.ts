// The client's address for rate limiting (ASVS 5.0 V6.3.1, per-IP limits). X-Forwarded-For is
// client-controlled, so it is never trusted as sent: the server entry (bin/serve.ts) computes
// the address from the socket and TRUSTED_PROXY_HOPS and passes it in CLIENT_IP_HEADER,
// overwriting anything the client sent under that name.
export const CLIENT_IP_HEADER = "x-helpdesk-client-ip";

/**
 * `hops` = how many reverse proxies in front of the app append to X-Forwarded-For (0 when the
 * app faces the internet). The client is the address just before the trusted proxies.
 */
export function resolveClientAddress(xff: string | undefined, socketAddress: string | undefined, hops: number): string {
  const chain = [...(xff ?? "").split(",").map((s) => s.trim()).filter(Boolean), socketAddress ?? "unknown"];
  const i = chain.length - 1 - Math.max(0, hops);
  return chain[Math.max(0, i)]!;
}

export function clientIp(h: Headers): string {
  // On Vercel there is no bin/serve.ts (a client could send CLIENT_IP_HEADER itself); its edge
  // sets x-real-ip to the connecting address and replaces whatever a client sent under that name.
  if (process.env.VERCEL) return h.get("x-real-ip")?.trim() || "unknown";
  const set = h.get(CLIENT_IP_HEADER);
  if (set) return set;
  // Integration tests call procedures without the server entry.
  if (process.env.NODE_ENV === "test") return h.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  return "unknown";
}
