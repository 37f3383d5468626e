#!/usr/bin/env bash
# Chromium and its driver for the browser tests (tests/e2e/test_web.py): the ones on
# PATH, else Debian's `chromium` and `chromium-driver` packages installed with apt-get
# (root, as in CI). The tests skip, saying why, when neither works. Nothing is
# downloaded at test time. Usage: tools/chromium.sh [OUT_DIR]  (links them there)
set -euo pipefail
out="$(mkdir -p "${1:-build/tools}" && cd "${1:-build/tools}" && pwd)"
if [ -x "$out/chromium" ] && [ -x "$out/chromedriver" ]; then exit 0; fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "chromium.sh: chromium/chromedriver missing and not root: apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
ln -sf "$(command -v chromium)" "$out/chromium"
ln -sf "$(command -v chromedriver)" "$out/chromedriver"
"$out/chromedriver" --version | head -1
