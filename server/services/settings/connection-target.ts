// Before "test connection" dials a host the admin typed: resolve it and refuse internal
// addresses unless MAIL_TEST_ALLOW_HOSTS names them (ASVS 5.0 V1.3.6, V13.2.4). The decision is
// the pure connectionAllowed() in server/domain/net. Known gap: the mail client resolves the name
// again when it connects, so a DNS server that answers differently the second time (rebinding)
// is not stopped here; the allow-list check still bounds what an honest resolver returns.
import dns from "node:dns/promises";
import net from "node:net";
import { env } from "@/server/env";
import { connectionAllowed, parseAllowList } from "@/server/domain/net/internal-address";

export async function connectionTargetAllowed(host: string): Promise<boolean> {
  const name = host.trim();
  if (name === "") return false;
  let addresses: string[];
  if (net.isIP(name)) addresses = [name];
  else {
    try {
      addresses = (await dns.lookup(name, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      addresses = [];
    }
  }
  return connectionAllowed(name, addresses, parseAllowList(env().MAIL_TEST_ALLOW_HOSTS));
}
