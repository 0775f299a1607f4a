/**
 * Config file, user ids and TLS certificate for the throwaway Dovecot in ./dovecot.ts.
 * Kept apart so the process handling there stays readable.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type DovecotIds = {
  root: boolean;
  /** account that owns the mail and runs Dovecot's internal processes */
  mailUser: string;
  mailUid: number;
  mailGid: number;
  /** account for the login processes (unprivileged, owns nothing) */
  loginUser: string;
};

/**
 * As root (CI) the Debian accounts `dovecot` / `dovenull` exist and are used. Without root,
 * Dovecot can still run when every process runs as the current user, so fall back to that.
 */
export function systemIds(): DovecotIds {
  const root = process.getuid?.() === 0;
  if (!root) {
    const me = os.userInfo();
    return { root, mailUser: me.username, mailUid: me.uid, mailGid: me.gid, loginUser: me.username };
  }
  const passwd = fs.readFileSync("/etc/passwd", "utf8").split("\n");
  const entry = passwd.find((l) => l.startsWith("dovecot:"))?.split(":");
  if (!entry) throw new Error("system user `dovecot` missing: reinstall dovecot-core");
  return { root, mailUser: "dovecot", mailUid: Number(entry[2]), mailGid: Number(entry[3]), loginUser: "dovenull" };
}

export function renderDovecotConf(a: {
  dir: string;
  ids: DovecotIds;
  tls: boolean;
  imapPort: number;
  pop3Port: number;
  imapsPort?: number;
  pop3sPort?: number;
}): string {
  const { dir, ids, tls } = a;
  const lines = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    `protocols = imap pop3`,
    `listen = 127.0.0.1`,
    `ssl = ${tls ? "yes" : "no"}`,
    ...(tls ? [`ssl_cert = <${dir}/cert.pem`, `ssl_key = <${dir}/key.pem`] : []),
    `disable_plaintext_auth = no`,
    `auth_mechanisms = plain login`,
    // Default is 2 s per failed login: pure waste in wrong-password tests.
    `auth_failure_delay = 0`,
    `first_valid_uid = 1`,
    `mail_location = maildir:${dir}/mail/%u`,
    `mail_fsync = never`, // throwaway data: no need to pay for durability
    `default_internal_user = ${ids.mailUser}`,
    `default_internal_group = ${ids.root ? "dovecot" : groupName(ids.mailGid)}`,
    `default_login_user = ${ids.loginUser}`,
    // Default 10 per user+IP; parallel test connections from 127.0.0.1 hit it quickly.
    `mail_max_userip_connections = 1000`,
    // No stats service: on shutdown login processes otherwise wait 5 s for its handshake.
    `stats_writer_socket_path =`,
    `passdb {`,
    `  driver = passwd-file`,
    `  args = scheme=PLAIN username_format=%u ${dir}/users`,
    `}`,
    `userdb {`,
    `  driver = static`,
    `  args = uid=${ids.mailUid} gid=${ids.mailGid} home=${dir}/mail/%u`,
    `}`,
    `service imap-login {`,
    `  chroot =`,
    `  inet_listener imap {`,
    `    port = ${a.imapPort}`,
    `  }`,
    `  inet_listener imaps {`,
    `    port = ${tls ? a.imapsPort : 0}`,
    `    ssl = yes`,
    `  }`,
    `}`,
    `service pop3-login {`,
    `  chroot =`,
    `  inet_listener pop3 {`,
    `    port = ${a.pop3Port}`,
    `  }`,
    `  inet_listener pop3s {`,
    `    port = ${tls ? a.pop3sPort : 0}`,
    `    ssl = yes`,
    `  }`,
    `}`,
    `service anvil {`,
    `  chroot =`,
    // No growing per-IP delay after failed logins (2, 4, 8, 15 s): wrong-password tests
    // would slow down every later login from 127.0.0.1.
    `  unix_listener anvil-auth-penalty {`,
    `    mode = 0`,
    `  }`,
    `}`,
  ];
  return lines.join("\n") + "\n";
}

function groupName(gid: number): string {
  const line = fs
    .readFileSync("/etc/group", "utf8")
    .split("\n")
    .find((l) => l.split(":")[2] === String(gid));
  return line ? line.split(":")[0] : String(gid);
}

/**
 * Self-signed certificate for CN=localhost with SANs for both `localhost` and `127.0.0.1`:
 * the tests connect by IP, and Node checks the IP against the SAN list when a CA is given.
 * Returns the certificate PEM (it is its own CA).
 */
export async function makeSelfSignedCert(dir: string): Promise<string> {
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  try {
    await run(
      "openssl",
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "2",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout", key, "-out", cert,
      ],
      { timeout: 30_000 },
    );
  } catch (err) {
    throw new Error(`openssl failed (run: apt-get install -y openssl): ${(err as Error).message}`);
  }
  // Dovecot reads both files as root through `<file`; the key stays private to root.
  await fsp.chmod(key, 0o600);
  return fsp.readFile(cert, "utf8");
}
