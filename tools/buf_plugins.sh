#!/usr/bin/env bash
# The TypeScript plugin of buf.gen.yaml (protoc-gen-es, with tsc to type-check what it
# writes) for tests/test_buf_module.py: from npm, into OUT_DIR/npm. The Go plugins
# (protoc-gen-go, protoc-gen-go-grpc) need a Go toolchain: `go install` them onto PATH.
# Tests that need a plugin that is missing say so. Usage: tools/buf_plugins.sh [OUT_DIR]
set -euo pipefail
out="$(mkdir -p "${1:-build/tools}" && cd "${1:-build/tools}" && pwd)"
if [ -x "$out/npm/node_modules/.bin/protoc-gen-es" ]; then exit 0; fi
if ! command -v npm >/dev/null; then
  echo "buf_plugins.sh: npm is not installed (apt-get install npm): protoc-gen-es skipped" >&2
  exit 1
fi
mkdir -p "$out/npm"
cd "$out/npm"
[ -f package.json ] || echo '{"private": true}' > package.json
# Exact versions: the same plugin and compiler on every machine.
npm install --silent --no-audit --no-fund @bufbuild/protoc-gen-es@2.13.0 typescript@5.9.3
"$out/npm/node_modules/.bin/protoc-gen-es" --version
