// The client's address for rate limiting. Behind a proxy/load balancer the first
// X-Forwarded-For hop is the client (next start sets the header itself when there is none).
export function clientIp(h: Headers): string {
  const xff = h.get("x-forwarded-for");
  if (xff) return xff.split(",")[0]!.trim();
  return h.get("x-real-ip") ?? "unknown";
}
