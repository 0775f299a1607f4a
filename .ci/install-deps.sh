#!/usr/bin/env bash
# System packages the test suites need (Debian 12): Chromium for Playwright, Dovecot (IMAP +
# POP3) for the mail integration tests, openssl for their self-signed certificates, MariaDB
# for the Patchesoft importer's tests (they run throwaway instances: server/testing/mariadb.ts).
#
# Idempotent: installs only what is missing (apt-get update only then). As root it installs;
# otherwise it prints the exact command and exits 1. Tests run their own throwaway Dovecot
# instances on free ports, so the Debian package's system service is stopped and disabled:
# it would otherwise sit on 143/110 and serve /etc/dovecot, which nothing here uses.
set -euo pipefail

missing=()
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ pkg_installed dovecot-imapd && [ -x /usr/lib/dovecot/imap ]; } || missing+=(dovecot-imapd)
{ pkg_installed dovecot-pop3d && [ -x /usr/lib/dovecot/pop3 ]; } || missing+=(dovecot-pop3d)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
{ pkg_installed mariadb-server && [ -x /usr/sbin/mariadbd ]; } || missing+=(mariadb-server)

stop_system_dovecot() {
  # Only the packaged service: our test instances run `dovecot -c /tmp/...` with their own
  # pid files and must not be touched, so no pkill by name.
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
  fi
  service dovecot stop >/dev/null 2>&1 || true
  local pidfile=/run/dovecot/master.pid
  if [ -f "$pidfile" ]; then
    local pid
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && grep -q dovecot "/proc/$pid/comm" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
}

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: chromium, dovecot-imapd, dovecot-pop3d, openssl, mariadb-server already installed"
  [ "$(id -u)" -eq 0 ] && stop_system_dovecot
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing system packages: ${missing[*]}" >&2
  echo "install-deps: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: no apt-get here; install these packages by other means: ${missing[*]}" >&2
  exit 1
fi

# Keep maintainer scripts from starting services during the install (standard Debian hook),
# unless the machine already has its own policy.
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  created_policy=1
fi
cleanup() { [ "$created_policy" -eq 1 ] && rm -f /usr/sbin/policy-rc.d; return 0; }
trap cleanup EXIT

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}"

stop_system_dovecot
echo "install-deps: done"
