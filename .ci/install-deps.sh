#!/usr/bin/env bash
# System packages the test suite needs: Debian's Chromium (Playwright cannot download a
# browser here), Dovecot IMAP/POP3 (the mail tests run real throwaway instances), openssl
# (self-signed certificates for the TLS tests). Idempotent; as root it installs what is
# missing, otherwise it says exactly what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
dpkg -s dovecot-pop3d >/dev/null 2>&1 || missing+=(dovecot-pop3d)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}"
    echo "Install them with: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Debian package starts a system-wide Dovecot on 143/110; the tests run their own.
if [ "$(id -u)" -eq 0 ] && pgrep -x dovecot >/dev/null 2>&1; then
  for pid in $(pgrep -x dovecot); do
    conf=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null || true)
    case "$conf" in *"-c "*) ;; *) kill "$pid" 2>/dev/null || true ;; esac
  done
fi
exit 0
