#!/usr/bin/env bash
# Makes sure the Chromium the end-to-end tests drive (through playwright-core) is present.
#
#   scripts/ensure-chromium.sh
#
# The tests launch "$CHROMIUM_PATH" when it is set, else /usr/bin/chromium (Debian's package;
# a browser downloaded by `npx playwright install` cannot be fetched on these machines).
#  - That executable runs: print its version, exit 0.
#  - It is missing, we are root (or have passwordless sudo) and apt-get exists:
#    install Debian's `chromium`, verify, exit 0.
#  - Otherwise: say what is missing and how to install it, exit 1.
#
# Environment:
#   CHROMIUM_PATH               use this Chromium/Chrome executable instead of /usr/bin/chromium
#                               (it is never installed over; a wrong path is reported as such)
#   ENSURE_CHROMIUM_NO_INSTALL=1  only check, never install (exits 1 when Chromium is missing)
#   ENSURE_CHROMIUM_DEFAULT_PATH  the default location to check (/usr/bin/chromium); for
#                               exercising this script, the tests themselves do not read it
set -euo pipefail

DEFAULT_PATH="${ENSURE_CHROMIUM_DEFAULT_PATH:-/usr/bin/chromium}"
INSTALL_CMD="sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"

say() { printf 'ensure-chromium: %s\n' "$*"; }
err() { printf 'ensure-chromium: %s\n' "$*" >&2; }

# Prints the version of the executable $1 and succeeds, or fails quietly if it does not run.
# (Debian's wrapper script prints shell noise on stderr on some machines; ignore stderr.)
chromium_version() {
  local bin="$1" version
  [[ -f "$bin" && -x "$bin" ]] || return 1
  version="$(timeout 60 "$bin" --version 2>/dev/null)" || return 1
  [[ -n "$version" ]] || return 1
  printf '%s\n' "$version"
}

report_ok() {
  local bin="$1" version
  version="$(chromium_version "$bin")" || return 1
  say "using $bin: $version"
}

fail_missing() {
  local reason="$1"
  err "Chromium is missing: $DEFAULT_PATH does not exist or is not executable (and CHROMIUM_PATH is not set)."
  err "The end-to-end tests drive Debian's Chromium through playwright-core."
  err "It was not installed automatically: $reason."
  err ""
  err "Install it with:"
  err "    $INSTALL_CMD"
  err "(as root, leave out 'sudo')."
  err ""
  err "Or point CHROMIUM_PATH at an existing Chromium/Chrome executable, e.g."
  err "    export CHROMIUM_PATH=/path/to/chromium"
  exit 1
}

# 1. An explicit CHROMIUM_PATH is what the tests will launch: it must work; never install over it.
if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  if report_ok "$CHROMIUM_PATH"; then
    exit 0
  fi
  err "CHROMIUM_PATH is set to '$CHROMIUM_PATH', but that is not a working Chromium executable"
  err "(missing, not executable, or '$CHROMIUM_PATH --version' failed)."
  err "Point CHROMIUM_PATH at an existing Chromium/Chrome executable, or unset it to use $DEFAULT_PATH"
  if ! chromium_version "$DEFAULT_PATH" >/dev/null; then
    err "(which is missing too; install it with: $INSTALL_CMD)."
  else
    err "(which is present and works)."
  fi
  exit 1
fi

# 2. The default location.
if report_ok "$DEFAULT_PATH"; then
  exit 0
fi
if [[ -e "$DEFAULT_PATH" ]]; then
  err "$DEFAULT_PATH exists but '$DEFAULT_PATH --version' does not run; see its output:"
  timeout 60 "$DEFAULT_PATH" --version >&2 || true
  err "Reinstall it with: sudo apt-get install --reinstall -y chromium, or set CHROMIUM_PATH."
  exit 1
fi

# 3. Install it, when allowed and possible.
if [[ "${ENSURE_CHROMIUM_NO_INSTALL:-}" == "1" ]]; then
  fail_missing "ENSURE_CHROMIUM_NO_INSTALL=1 is set"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  fail_missing "apt-get is not available on this machine (install Chromium with its package manager)"
fi
SUDO=()
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    fail_missing "not running as root and passwordless sudo is not available"
  fi
fi
if [[ "$DEFAULT_PATH" != "/usr/bin/chromium" ]]; then
  fail_missing "the package installs /usr/bin/chromium, not $DEFAULT_PATH"
fi

say "installing Debian's chromium (apt-get update; apt-get install -y chromium) ..."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "${SUDO[@]}" apt-get update -q >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  err "apt-get update failed (output above). Install by hand with: $INSTALL_CMD"
  exit 1
fi
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 chromium >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  err "apt-get install chromium failed (output above). Install by hand with: $INSTALL_CMD"
  exit 1
fi
grep -E '^(Setting up chromium|Unpacking chromium)' "$log" || true

if report_ok "$DEFAULT_PATH"; then
  exit 0
fi
err "apt-get install chromium finished, but $DEFAULT_PATH still does not run."
err "Check '$DEFAULT_PATH --version', or set CHROMIUM_PATH to a working Chromium."
exit 1
