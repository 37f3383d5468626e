"""python -m devstack.chaos: a stack of its own under load, every fault in turn, the
audit, and the table (fault, client errors, error window, lost, duplicated). Exits 1
when a turn or a side effect was lost or duplicated, or the stack did not serve again."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from devstack.chaos.faults import ALL, FAULTS
from devstack.chaos.run import ChaosOptions, run, table


def _faults(value: str) -> tuple[str, ...]:
    chosen = tuple(key.strip() for key in value.split(",") if key.strip())
    unknown = [key for key in chosen if key not in FAULTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown fault {', '.join(unknown)}; known: {', '.join(ALL)}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    defaults = ChaosOptions()
    parser = argparse.ArgumentParser(prog="python -m devstack.chaos", description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=defaults.clients, help="concurrent customers (default %(default)s)")
    parser.add_argument("--faults", type=_faults, default=defaults.faults,
                        help=f"comma-separated, in order (default: all: {','.join(ALL)})")
    parser.add_argument("--warmup", type=float, default=defaults.warmup, help="seconds of load before the first fault")
    parser.add_argument("--settle", type=float, default=defaults.settle,
                        help="seconds of load after the stack serves again, before the next fault")
    parser.add_argument("--down", type=float, default=defaults.down, help="seconds PostgreSQL and Redis stay down")
    parser.add_argument("--freeze", type=float, default=defaults.freeze, help="seconds integrations_svc stays frozen")
    parser.add_argument("--replicas", type=int, default=defaults.replicas, help="processes of each service")
    parser.add_argument("--data-dir", type=Path, default=None, help="keep the stack's data and logs here")
    args = parser.parse_args(argv)
    options = ChaosOptions(
        clients=args.clients, faults=args.faults, warmup=args.warmup, settle=args.settle, down=args.down,
        freeze=args.freeze, replicas=args.replicas, data_dir=args.data_dir,
    )
    result = asyncio.run(run(options))
    print(table(result), flush=True)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
