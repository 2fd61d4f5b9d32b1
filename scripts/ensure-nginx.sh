#!/usr/bin/env bash
# Makes sure the nginx and openssl the HTTPS end-to-end test (tests/e2e/https-proxy.test.ts)
# needs are present: it puts a throwaway nginx with a self-signed certificate in front of the app.
#
#   scripts/ensure-nginx.sh
#
# The test runs "$NGINX_PATH" when it is set, else /usr/sbin/nginx (Debian's nginx-light is
# enough: it has the ssl and http2 modules), and `openssl` from PATH.
#  - Both run: print their versions, exit 0.
#  - One is missing, we are root (or have passwordless sudo) and apt-get exists:
#    install Debian's `nginx-light` / `openssl`, verify, exit 0.
#  - Otherwise: say what is missing and how to install it, exit 1.
#
# Installing nginx-light on Debian also enables and starts its nginx.service where systemd runs;
# the test never uses that one (its nginx has its own config, port and temp dir).
#
# Environment:
#   NGINX_PATH                 use this nginx executable instead of /usr/sbin/nginx
#                              (it is never installed over; a wrong path is reported as such)
#   ENSURE_NGINX_NO_INSTALL=1  only check, never install (exits 1 when something is missing)
#   ENSURE_NGINX_DEFAULT_PATH  the default location to check (/usr/sbin/nginx); for exercising
#                              this script, the tests themselves do not read it
set -euo pipefail

DEFAULT_PATH="${ENSURE_NGINX_DEFAULT_PATH:-/usr/sbin/nginx}"
INSTALL_NGINX="sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light"
INSTALL_OPENSSL="sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y openssl"

say() { printf 'ensure-nginx: %s\n' "$*"; }
err() { printf 'ensure-nginx: %s\n' "$*" >&2; }

# Prints the version of the nginx executable $1 and succeeds, or fails quietly if it does not run.
# (`nginx -v` prints "nginx version: nginx/1.22.1" on stderr.)
nginx_version() {
  local bin="$1" version
  [[ -f "$bin" && -x "$bin" ]] || return 1
  version="$(timeout 30 "$bin" -v 2>&1)" || return 1
  [[ "$version" == *"nginx version"* ]] || return 1
  printf '%s\n' "${version#nginx version: }"
}

openssl_version() {
  local version
  command -v openssl >/dev/null 2>&1 || return 1
  version="$(timeout 30 openssl version 2>/dev/null)" || return 1
  [[ -n "$version" ]] || return 1
  printf '%s\n' "$version"
}

# Fails (exit 1) with what is missing, why it was not installed, and the command to install it.
fail_missing() {
  local what="$1" reason="$2" install="$3"
  err "$what"
  err "The HTTPS end-to-end test runs a throwaway nginx (with a self-signed certificate from openssl)"
  err "in front of the app."
  err "It was not installed automatically: $reason."
  err ""
  err "Install it with:"
  err "    $install"
  err "(as root, leave out 'sudo')."
  if [[ "$what" == nginx* ]]; then
    err ""
    err "Or point NGINX_PATH at an existing nginx executable (with the ssl and http2 modules), e.g."
    err "    export NGINX_PATH=/path/to/nginx"
  fi
  exit 1
}

# Sets SUDO (empty as root) or fails with the reason installing is not possible.
SUDO=()
can_install() {
  local what="$1" install="$2"
  if [[ "${ENSURE_NGINX_NO_INSTALL:-}" == "1" ]]; then
    fail_missing "$what" "ENSURE_NGINX_NO_INSTALL=1 is set" "$install"
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    fail_missing "$what" "apt-get is not available on this machine (install it with its package manager)" "$install"
  fi
  if [[ "$(id -u)" != "0" ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      SUDO=(sudo -n)
    else
      fail_missing "$what" "not running as root and passwordless sudo is not available" "$install"
    fi
  fi
}

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
updated=0

# Installs the Debian package $1 (apt-get update once, then apt-get install -y).
apt_install() {
  local package="$1" install="$2"
  say "installing Debian's $package (apt-get update; apt-get install -y $package) ..."
  if [[ "$updated" == "0" ]]; then
    if ! "${SUDO[@]}" apt-get update -q >"$log" 2>&1; then
      tail -n 20 "$log" >&2
      err "apt-get update failed (output above). Install by hand with: $install"
      exit 1
    fi
    updated=1
  fi
  if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 "$package" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    err "apt-get install $package failed (output above). Install by hand with: $install"
    exit 1
  fi
  grep -E "^(Setting up $package|Unpacking $package)" "$log" || true
}

# 1. nginx. An explicit NGINX_PATH is what the test will run: it must work; never install over it.
if [[ -n "${NGINX_PATH:-}" ]]; then
  if version="$(nginx_version "$NGINX_PATH")"; then
    say "using $NGINX_PATH: $version"
  else
    err "NGINX_PATH is set to '$NGINX_PATH', but that is not a working nginx executable"
    err "(missing, not executable, or '$NGINX_PATH -v' failed)."
    err "Point NGINX_PATH at an existing nginx executable, or unset it to use $DEFAULT_PATH"
    if ! nginx_version "$DEFAULT_PATH" >/dev/null; then
      err "(which is missing too; install it with: $INSTALL_NGINX)."
    else
      err "(which is present and works)."
    fi
    exit 1
  fi
elif version="$(nginx_version "$DEFAULT_PATH")"; then
  say "using $DEFAULT_PATH: $version"
elif [[ -e "$DEFAULT_PATH" ]]; then
  err "$DEFAULT_PATH exists but '$DEFAULT_PATH -v' does not run; see its output:"
  timeout 30 "$DEFAULT_PATH" -v >&2 || true
  err "Reinstall it with: sudo apt-get install --reinstall -y nginx-light, or set NGINX_PATH."
  exit 1
else
  what="nginx is missing: $DEFAULT_PATH does not exist or is not executable (and NGINX_PATH is not set)."
  can_install "$what" "$INSTALL_NGINX"
  if [[ "$DEFAULT_PATH" != "/usr/sbin/nginx" ]]; then
    fail_missing "$what" "the package installs /usr/sbin/nginx, not $DEFAULT_PATH" "$INSTALL_NGINX"
  fi
  apt_install nginx-light "$INSTALL_NGINX"
  if ! version="$(nginx_version "$DEFAULT_PATH")"; then
    err "apt-get install nginx-light finished, but $DEFAULT_PATH still does not run."
    err "Check '$DEFAULT_PATH -v', or set NGINX_PATH to a working nginx."
    exit 1
  fi
  say "using $DEFAULT_PATH: $version"
fi

# 2. openssl (makes the test's self-signed certificate).
if version="$(openssl_version)"; then
  say "using $(command -v openssl): $version"
  exit 0
fi
what="openssl is missing: no working 'openssl' on PATH."
can_install "$what" "$INSTALL_OPENSSL"
apt_install openssl "$INSTALL_OPENSSL"
if version="$(openssl_version)"; then
  say "using $(command -v openssl): $version"
  exit 0
fi
err "apt-get install openssl finished, but 'openssl version' still does not run."
exit 1
