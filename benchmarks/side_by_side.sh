#!/usr/bin/env bash
# The mesh beside the seed's monolith (../shared/baseline), as the performance issues
# ask: k6's closed loop (no think time) against the mesh's gateway and the
# monolith, one after the other at each number of virtual users, on one machine.
# Both must be up first (../shared/baseline/README.md: `run.sh up`, and `make run`
# with GATEWAY_RATE_LIMIT_PER_MINUTE set high). Prints turns/s, median, p99 and
# errors for each; compare ratios from one run, never figures from different runs.
#   usage: benchmarks/side_by_side.sh [VUS ...]          (default: 50 200)
#   env:   DURATION (30s), MESH (http://127.0.0.1:8080), MONOLITH (http://127.0.0.1:8090), K6
set -euo pipefail
cd "$(dirname "$0")/.."
K6=${K6:-/tmp/baseline-venv/bin/k6}
SCRIPT=${SCRIPT:-../shared/baseline/turn.js}
OUT=$(mktemp -d)
printf '%-9s %5s %9s %9s %9s %8s\n' target vus turns/s median_ms p99_ms errors
for vus in ${*:-50 200}; do
  for pair in "mesh=${MESH:-http://127.0.0.1:8080}" "monolith=${MONOLITH:-http://127.0.0.1:8090}"; do
    name=${pair%%=*}; url=${pair#*=}
    TARGET=$url VUS=$vus DURATION=${DURATION:-30s} "$K6" run -q --summary-export "$OUT/$name-$vus.json" "$SCRIPT" >/dev/null 2>&1 || true
    python3 - "$OUT/$name-$vus.json" "$name" "$vus" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
d, checks = m["http_req_duration"], m.get("checks", {})
print(f"{sys.argv[2]:<9} {sys.argv[3]:>5} {m['http_reqs']['rate']:>9.1f} {d['med']:>9.1f} {d['p(99)']:>9.1f} {checks.get('fails', 0):>8}")
PY
  done
done
rm -rf "$OUT"
