#!/usr/bin/env bash
# Installs Debian's Chromium (and the fonts a comment needs: DejaVu, colour emoji for the status
# icons) for the browser render test, tests/browser. Playwright's own browser download needs hosts
# that CI cannot reach; Debian's packages come from the package mirror. Safe to run again: it does
# nothing when everything is there. Prints the browser's path on its last line.
# RECON_GATE_CHROMIUM names another Chromium to use instead (the test reads it too).
set -euo pipefail

PACKAGES=(chromium fonts-dejavu-core fonts-noto-color-emoji)

find_chromium() {
  local candidate
  for candidate in "${RECON_GATE_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    [[ -n "$candidate" && -x "$candidate" ]] && { echo "$candidate"; return 0; }
  done
  return 1
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" == "install ok installed" ]] || missing+=("$package")
  done
fi
if browser="$(find_chromium)" && [[ ${#missing[@]} -eq 0 || -n "${RECON_GATE_CHROMIUM:-}" ]]; then
  echo "browser: $("$browser" --version 2>/dev/null || echo "$browser") is installed"
  echo "$browser"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || { echo "browser: apt-get not found: install Chromium by hand and set RECON_GATE_CHROMIUM to its path" >&2; exit 1; }
as_root=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "browser: not root and no sudo: cannot apt-get install ${missing[*]}" >&2; exit 1; }
  as_root=(sudo -n)
fi

echo "browser: installing ${missing[*]} from Debian's packages (first time: ~350 MB)"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
browser="$(find_chromium)" || { echo "browser: no chromium on PATH after apt-get install" >&2; exit 1; }
echo "browser: $("$browser" --version 2>/dev/null || echo "$browser") installed"
echo "$browser"
