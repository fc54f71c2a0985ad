#!/usr/bin/env bash
# Debian's Chromium for the dashboard's Playwright tests (never `playwright install`:
# the tests launch /usr/bin/chromium directly). Idempotent; root on Debian, no sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser.sh: apt-get not found; install Chromium at /usr/bin/chromium yourself" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
test -x /usr/bin/chromium
echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)"
