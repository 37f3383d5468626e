#!/usr/bin/env bash
# promtool, Prometheus's rule checker, for the alert rules' tests: the one already on
# PATH, else the binary of Debian's prometheus package unpacked into OUT_DIR (nothing is
# installed and no Prometheus server is started). Usage: tools/promtool.sh [OUT_DIR]
set -euo pipefail
out="$(mkdir -p "${1:-build/tools}" && cd "${1:-build/tools}" && pwd)"
if [ -x "$out/promtool" ]; then exit 0; fi
if command -v promtool >/dev/null; then ln -sf "$(command -v promtool)" "$out/promtool"; exit 0; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
# apt's download user cannot write here: fetch as the caller (root in CI), quietly.
if ! apt-get download prometheus >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get download prometheus >/dev/null 2>&1
fi
dpkg-deb -x prometheus_*.deb unpacked
cp unpacked/usr/bin/promtool "$out/promtool"
"$out/promtool" --version | head -1
