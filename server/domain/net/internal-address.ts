// Is an address inside the network the app runs in? Admin "test connection" may not be used to
// probe it (SSRF, ASVS 5.0 V1.3.6, V13.2.4): private, loopback, link-local, shared (CGNAT),
// unspecified, multicast and reserved ranges are internal, as are IPv6 forms that embed such an
// IPv4 address. An allow-list (IPs, CIDR ranges, host names) lets an operator name the internal
// servers that are meant to be reached. Pure: no DNS here.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- only the pure isIP/BlockList helpers, no socket
import net from "node:net";

const V4 = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"];
const V6 = ["::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32", "100::/64"];

const internal = new net.BlockList();
for (const c of V4) internal.addSubnet(c.split("/")[0]!, Number(c.split("/")[1]), "ipv4");
for (const c of V6) internal.addSubnet(c.split("/")[0]!, Number(c.split("/")[1]), "ipv6");

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 IPv6 address. */
function embeddedV4(ip: string): string | null {
  const m = /^(?:::ffff:|::|64:ff9b::)(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (m) return m[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const [a, b] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
}

export function isInternalAddress(ip: string): boolean {
  const kind = net.isIP(ip);
  if (kind === 4) return internal.check(ip, "ipv4");
  if (kind === 6) {
    const v4 = embeddedV4(ip);
    return v4 ? internal.check(v4, "ipv4") : internal.check(ip, "ipv6");
  }
  return true; // not an address at all: never treated as public
}

export type AllowList = { addresses: net.BlockList; hosts: Set<string> };

/** Parses "127.0.0.1, 10.0.0.0/8, mail.lan" (the MAIL_TEST_ALLOW_HOSTS variable). */
export function parseAllowList(spec: string): AllowList {
  const addresses = new net.BlockList();
  const hosts = new Set<string>();
  for (const raw of spec.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = raw.split("/");
    const kind = net.isIP(addr!);
    if (kind) addresses.addSubnet(addr!, bits ? Number(bits) : kind === 4 ? 32 : 128, kind === 4 ? "ipv4" : "ipv6");
    else hosts.add(raw.toLowerCase().replace(/\.$/, ""));
  }
  return { addresses, hosts };
}

/**
 * May a connection to `host`, which resolved to `addresses`, go ahead? Every address must be
 * public or allow-listed (a name that resolves to one public and one internal address is refused).
 */
export function connectionAllowed(host: string, addresses: string[], allow: AllowList): boolean {
  if (addresses.length === 0) return false;
  if (allow.hosts.has(host.toLowerCase().replace(/\.$/, ""))) return true;
  return addresses.every((ip) => !isInternalAddress(ip) || allow.addresses.check(embeddedV4(ip) ?? ip, net.isIP(embeddedV4(ip) ?? ip) === 4 ? "ipv4" : "ipv6"));
}
