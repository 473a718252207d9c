#!/usr/bin/env bash
# Installs Debian's Chromium for the Playwright (playwright-core) e2e harness.
# `npx playwright install` cannot work here (no internet except package registries),
# so the e2e runner uses the system browser at /usr/bin/chromium (or $CHROMIUM_PATH).
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium present: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-browser.sh: $CHROMIUM is missing and installing it needs root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
# fonts-noto-cjk: Chinese glyphs in screenshots (otherwise tofu boxes).
apt-get install -y chromium fonts-noto-cjk
echo "installed: $(/usr/bin/chromium --version)"
