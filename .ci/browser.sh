#!/usr/bin/env bash
# Debian's Chromium for the dashboard's Playwright tests (never `playwright install`:
# the tests launch /usr/bin/chromium directly), and axe-core from npm, which the
# accessibility tests inject into every page. Idempotent; root on Debian, no sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

AXE_DIR=.ci/.npm                     # git-ignored; tests read .ci/.npm/node_modules/axe-core
AXE_VERSION="${AXE_VERSION:-4}"

export DEBIAN_FRONTEND=noninteractive
if [ ! -x /usr/bin/chromium ] || ! command -v npm >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "browser.sh: apt-get not found; install Chromium at /usr/bin/chromium and npm yourself" >&2
        exit 1
    fi
    apt-get update -qq
    [ -x /usr/bin/chromium ] || apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    command -v npm >/dev/null 2>&1 || apt-get install -y -qq npm >/dev/null
fi
test -x /usr/bin/chromium
echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)"

if [ ! -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ]; then
    npm install --no-save --no-audit --no-fund --prefix "$AXE_DIR" "axe-core@$AXE_VERSION" >/dev/null
fi
test -f "$AXE_DIR/node_modules/axe-core/axe.min.js"
echo "browser.sh: axe-core $(node -p "require('./$AXE_DIR/node_modules/axe-core/package.json').version" 2>/dev/null || echo installed)"
