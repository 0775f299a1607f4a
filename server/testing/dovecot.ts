/**
 * Throwaway Dovecot (real IMAP + POP3 server) for integration tests.
 *
 * Each call gets its own temp directory, config, users file, maildir and free ports, so tests
 * never touch a system Dovecot and can run several instances side by side. The config follows
 * the recipe in shared/docs/environment.md. Mail is put in with IMAP APPEND like a real MTA
 * delivery would look to a client.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { freePorts } from "./free-port";
import { killAndWait, launchDovecot, untrack } from "./dovecot-process";
import { makeSelfSignedCert, renderDovecotConf, systemIds } from "./dovecot-config";

const DOVECOT_BIN = "/usr/sbin/dovecot";
// dovecot-core alone starts but cannot serve: the protocol daemons come in the -imapd/-pop3d packages.
const REQUIRED_PARTS = ["/usr/lib/dovecot/imap", "/usr/lib/dovecot/pop3"];

export type DovecotUser = { user: string; password: string };
export type DovecotMessage = { uid: number; flags: string[]; size: number };

export type DovecotInstance = {
  host: "127.0.0.1";
  imapPort: number;
  pop3Port: number;
  imapsPort?: number;
  pop3sPort?: number;
  /** PEM of the self-signed server certificate (also usable as the CA), only with `tls` */
  caPem?: string;
  /** first user (the default `support@example.test` / `secret`) */
  user: string;
  password: string;
  users: DovecotUser[];
  dir: string;
  /** APPEND one message; creates the folder when missing; resolves to the new UID */
  append(raw: Buffer | string, folder?: string, flags?: string[], user?: DovecotUser): Promise<number>;
  listUids(folder?: string, user?: DovecotUser): Promise<number[]>;
  listMessages(folder?: string, user?: DovecotUser): Promise<DovecotMessage[]>;
  uidValidity(folder?: string, user?: DovecotUser): Promise<number>;
  /** Recreate the folder with the same messages, so UIDVALIDITY changes and UIDs restart at 1 */
  resetUidValidity(folder?: string, user?: DovecotUser): Promise<void>;
  stop(): Promise<void>;
};

export async function startDovecot(
  opts: { tls?: boolean; users?: DovecotUser[] } = {},
): Promise<DovecotInstance> {
  const missing = [DOVECOT_BIN, ...REQUIRED_PARTS].filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(
      `Dovecot is not installed (${missing.join(", ")} missing). As root, run: apt-get install -y dovecot-imapd dovecot-pop3d`,
    );
  }
  const users = opts.users?.length ? opts.users : [{ user: "support@example.test", password: "secret" }];
  const tls = !!opts.tls;
  // Dovecot's unprivileged processes must traverse and read this tree: world-readable path.
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "helpdesk-dovecot-"));
  await fsp.chmod(dir, 0o755);
  const mailDir = path.join(dir, "mail");
  await fsp.mkdir(mailDir, { recursive: true });
  await fsp.mkdir(path.join(dir, "run"));
  await fsp.mkdir(path.join(dir, "state"));
  const ids = systemIds();
  if (ids.root) await fsp.chown(mailDir, ids.mailUid, ids.mailGid);

  let caPem: string | undefined;
  if (tls) caPem = await makeSelfSignedCert(dir);
  await fsp.writeFile(
    path.join(dir, "users"),
    users.map((u) => `${u.user}:{PLAIN}${u.password}`).join("\n") + "\n",
    { mode: 0o644 },
  );
  const confPath = path.join(dir, "dovecot.conf");

  // A port found free can be taken by someone else before Dovecot binds it (other test
  // processes on the machine): pick new ports and retry on "Address already in use".
  let ports: number[] = [];
  let pid = 0;
  for (let attempt = 1; !pid; attempt++) {
    ports = await freePorts(tls ? 4 : 2);
    const [imapPort, pop3Port, imapsPort, pop3sPort] = ports;
    await fsp.writeFile(confPath, renderDovecotConf({ dir, ids, tls, imapPort, pop3Port, imapsPort, pop3sPort }));
    try {
      pid = await launchDovecot(DOVECOT_BIN, confPath, dir, ports);
    } catch (err) {
      if (attempt < 5 && /Address already in use/.test((err as Error).message)) continue;
      await fsp.rm(dir, { recursive: true, force: true });
      throw err;
    }
  }
  const [imapPort, pop3Port, imapsPort, pop3sPort] = ports;

  const primary = users[0];
  const connect = async (u: DovecotUser) => {
    const client = new ImapFlow({
      host: "127.0.0.1",
      port: imapPort,
      secure: false,
      doSTARTTLS: false, // admin side: plain is fine on loopback, and avoids cert handling
      auth: { user: u.user, pass: u.password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on("error", () => {}); // surfaced through the rejected command instead
    await client.connect();
    return client;
  };
  // One long-lived connection per user for APPEND (many small appends are the common case).
  const appendClients = new Map<string, Promise<ImapFlow>>();
  const appendClient = (u: DovecotUser) => {
    let c = appendClients.get(u.user);
    if (!c) {
      c = connect(u);
      appendClients.set(u.user, c);
      c.catch(() => appendClients.delete(u.user)); // let the next call retry
    }
    return c;
  };
  const withClient = async <T>(u: DovecotUser, fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const client = await connect(u);
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  const append = async (raw: Buffer | string, folder = "INBOX", flags: string[] = [], u = primary) => {
    const client = await appendClient(u);
    let res = await client.append(folder, raw, flags).catch((e: { responseText?: string }) => {
      if (!/TRYCREATE|doesn't exist|not exist/i.test(e.responseText ?? String(e))) throw e;
      return null;
    });
    if (res === null) {
      await client.mailboxCreate(folder);
      res = await client.append(folder, raw, flags);
    }
    if (!res || !res.uid) throw new Error(`APPEND to ${folder} returned no UID`);
    return res.uid;
  };

  const listMessages = (folder = "INBOX", u = primary) =>
    withClient(u, async (c) => {
      const box = await c.mailboxOpen(folder, { readOnly: true });
      if (!box.exists) return [];
      const out: DovecotMessage[] = [];
      for await (const m of c.fetch("1:*", { uid: true, flags: true, size: true })) {
        out.push({ uid: m.uid, flags: [...(m.flags ?? [])], size: m.size ?? 0 });
      }
      return out.sort((a, b) => a.uid - b.uid);
    });

  const uidValidity = (folder = "INBOX", u = primary) =>
    withClient(u, async (c) => {
      const st = await c.status(folder, { uidValidity: true });
      if (!st || st.uidValidity === undefined) throw new Error(`no UIDVALIDITY for ${folder}`);
      return Number(st.uidValidity);
    });

  const resetUidValidity = async (folder = "INBOX", u = primary) => {
    // Collect everything first (never issue commands inside a fetch loop), then recreate.
    const saved: Array<{ source: Buffer; flags: string[]; date?: Date | string }> = [];
    await withClient(u, async (c) => {
      const box = await c.mailboxOpen(folder);
      if (box.exists) {
        for await (const m of c.fetch("1:*", { uid: true, flags: true, source: true, internalDate: true })) {
          saved.push({ source: m.source!, flags: [...(m.flags ?? [])], date: m.internalDate });
        }
        await c.messageDelete("1:*");
      }
      await c.mailboxClose();
      if (folder.toUpperCase() !== "INBOX") {
        await c.mailboxDelete(folder);
        await c.mailboxCreate(folder);
      }
    });
    if (folder.toUpperCase() === "INBOX") {
      // A session that stays open across the file swap keeps stale index state and fails its
      // next command with SERVERBUG: drop our cached APPEND session for this user first.
      const cached = appendClients.get(u.user);
      appendClients.delete(u.user);
      await cached?.then((cl) => cl.logout()).catch(() => {});
      // INBOX cannot be deleted over IMAP. Dropping its (now empty) uidlist and indexes makes
      // Dovecot create it afresh; the next UIDVALIDITY comes from `dovecot-uidvalidity`, which
      // only grows, so the value is guaranteed to differ.
      const boxDir = path.join(mailDir, u.user);
      for (const f of await fsp.readdir(boxDir)) {
        if (f === "dovecot-uidlist" || f.startsWith("dovecot.index") || f.startsWith("dovecot.list.index")) {
          await fsp.rm(path.join(boxDir, f), { force: true });
        }
      }
    }
    await withClient(u, async (c) => {
      for (const m of saved) {
        await c.append(folder, m.source, m.flags.filter((f) => f !== "\\Recent"), m.date);
      }
    });
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // The server goes away next, so no polite LOGOUT round-trips.
    for (const c of appendClients.values()) await c.then((cl) => cl.close()).catch(() => {});
    await killAndWait(pid);
    untrack(pid);
    await fsp.rm(dir, { recursive: true, force: true });
  };

  return {
    host: "127.0.0.1",
    imapPort,
    pop3Port,
    ...(tls ? { imapsPort, pop3sPort, caPem } : {}),
    user: primary.user,
    password: primary.password,
    users,
    dir,
    append,
    listUids: async (folder, u) => (await listMessages(folder, u)).map((m) => m.uid),
    listMessages,
    uidValidity,
    resetUidValidity,
    stop,
  };
}
