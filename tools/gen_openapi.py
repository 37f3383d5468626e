"""Write the gateway's OpenAPI document from the descriptor set (gateway/openapi.py).

Usage: python tools/gen_openapi.py [DESCRIPTOR_SET] [OUT_FILE]
       (defaults: gen/atende.pb, gen/openapi.json; `make proto` runs it through
       tools/gen_proto.py, and tests/test_contracts.py fails when the committed copy is stale)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "gen" / "python")]

from gateway.openapi import write  # noqa: E402 (after the path is set)

if __name__ == "__main__":
    descriptor_set = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "gen" / "atende.pb"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "gen" / "openapi.json"
    write(descriptor_set, out)
