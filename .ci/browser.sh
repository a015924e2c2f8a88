#!/usr/bin/env bash
# What the dashboard's browser test needs: Debian's Chromium, Node 18+, and playwright-core from npm
# (pinned in server-ext/src/test/browser/package-lock.json). Idempotent; installs only what is missing.
# Prints the Chromium path. Exit 3 when something is missing and cannot be installed here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BROWSER_DIR="$ROOT/server-ext/src/test/browser"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo -n"; fi

apt_install() {
  echo "browser.sh: installing $*" >&2
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >&2
}

CHROMIUM="${PYMASTERY_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  apt_install chromium fonts-dejavu-core || { echo "browser.sh: Chromium is missing: apt-get install chromium" >&2; exit 3; }
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm || { echo "browser.sh: Node.js is missing: apt-get install nodejs npm" >&2; exit 3; }
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  echo "browser.sh: Node.js 18 or newer is needed, found $(node --version)" >&2; exit 3
fi
if [ ! -f "$BROWSER_DIR/node_modules/playwright-core/package.json" ]; then
  (cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2) \
    || { echo "browser.sh: 'npm ci' failed in $BROWSER_DIR" >&2; exit 3; }
fi
echo "$CHROMIUM"
