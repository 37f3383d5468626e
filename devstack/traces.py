"""A trace as a waterfall in the terminal, from the OTLP/JSON lines the local stack
writes (devstack/otlp_sink.py, or a service's ATENDE_TRACES_FILE).

    python -m devstack.traces                 # the latest trace that came through the gateway
    python -m devstack.traces ID              # a trace id (or its first characters), a request
                                              # id (x-request-id) or a conversation id
    python -m devstack.traces --list          # the recent traces, one a line
    python -m devstack.traces --file PATH     # another file (default: data/traces/spans.jsonl)

Each line is a span: its service, its name indented under its parent, a bar placed on
the trace's time line, its duration, and what an operator filters on (the atende.*,
gen_ai.* and db.* attributes, shortened)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "data" / "traces" / "spans.jsonl"
_KINDS = {1: "", 2: "server", 3: "client", 4: "producer", 5: "consumer"}
# Attributes worth a glance on the waterfall line, in this order.
_SHOWN_PREFIXES = ("atende.", "gen_ai.", "db.system", "db.operation", "rpc.grpc.status_code", "http.response.status_code",
                   "http.status_code", "guid:x-request-id", "response_code", "upstream_cluster")


@dataclass
class Span:
    trace_id: str
    span_id: str
    parent_id: str
    name: str
    service: str
    kind: int
    start: int
    end: int
    attributes: dict[str, Any]
    error: bool
    # Spans of other traces this one links to: (trace id, span id).
    links: list[tuple[str, str]] = field(default_factory=list)
    children: list[Span] = field(default_factory=list)

    @property
    def duration_ms(self) -> float:
        return (self.end - self.start) / 1e6


def _value(value: dict[str, Any]) -> Any:
    if "stringValue" in value:
        return value["stringValue"]
    if "intValue" in value:
        return int(value["intValue"])
    if "doubleValue" in value:
        return float(value["doubleValue"])
    if "boolValue" in value:
        return bool(value["boolValue"])
    if "arrayValue" in value:
        return [_value(item) for item in value["arrayValue"].get("values", [])]
    return None


def _attributes(items: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {item["key"]: _value(item.get("value", {})) for item in items}


def read_spans(path: Path) -> Iterator[Span]:
    """Every span of an OTLP/JSON lines file (a line that does not parse is skipped:
    the file may be being written)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                request = json.loads(line)
            except json.JSONDecodeError:
                continue
            for resource_spans in request.get("resourceSpans", []):
                resource = _attributes(resource_spans.get("resource", {}).get("attributes", []))
                service = str(resource.get("service.name", "?"))
                for scope in resource_spans.get("scopeSpans", []):
                    for raw in scope.get("spans", []):
                        yield Span(
                            trace_id=raw.get("traceId", ""),
                            span_id=raw.get("spanId", ""),
                            parent_id=raw.get("parentSpanId", ""),
                            name=raw.get("name", ""),
                            service=service,
                            kind=int(raw.get("kind", 0)),
                            start=int(raw.get("startTimeUnixNano", 0)),
                            end=int(raw.get("endTimeUnixNano", 0)),
                            attributes=_attributes(raw.get("attributes", [])),
                            error=raw.get("status", {}).get("code") == 2,
                            links=[(link.get("traceId", ""), link.get("spanId", "")) for link in raw.get("links", [])],
                        )


def traces(spans: Iterable[Span]) -> dict[str, list[Span]]:
    grouped: dict[str, list[Span]] = {}
    for span in spans:
        grouped.setdefault(span.trace_id, []).append(span)
    return grouped


def tree(spans: list[Span]) -> list[Span]:
    """The roots of a trace (spans whose parent is not in it), children attached and
    everything in start order."""
    by_id = {span.span_id: span for span in spans}
    for span in spans:
        span.children = []
    roots = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        parent = by_id.get(span.parent_id)
        if parent is None or parent is span:
            roots.append(span)
        else:
            parent.children.append(span)
    return roots


def _matches(spans: list[Span], key: str) -> bool:
    if spans and spans[0].trace_id.startswith(key.lower()):
        return True
    wanted = {"guid:x-request-id", "atende.request_id", "atende.conversation_id"}
    return any(span.attributes.get(name) == key for span in spans for name in wanted)


def select(grouped: dict[str, list[Span]], key: str | None) -> list[Span] | None:
    """The trace a key names, or the latest one that began at the gateway (else the
    latest of all)."""
    ordered = sorted(grouped.values(), key=lambda spans: min(s.start for s in spans), reverse=True)
    if key:
        return next((spans for spans in ordered if _matches(spans, key)), None)
    through_gateway = (spans for spans in ordered if any(s.service == "gateway" for s in spans))
    return next(through_gateway, ordered[0] if ordered else None)


def _shown(attributes: dict[str, Any], limit: int) -> str:
    parts = []
    for key, value in attributes.items():
        if not key.startswith(_SHOWN_PREFIXES):
            continue
        short = key.removeprefix("atende.").removeprefix("gen_ai.")
        text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{short}={text}")
    line = " ".join(parts)
    return line if len(line) <= limit else line[: max(0, limit - 1)] + "…"


def _services_path(spans: list[Span]) -> str:
    seen: list[str] = []
    for span in sorted(spans, key=lambda s: s.start):
        if span.service not in seen:
            seen.append(span.service)
    return " → ".join(seen)


def waterfall(spans: list[Span], width: int = 0) -> str:
    """The trace drawn as text, one span a line."""
    width = width or shutil.get_terminal_size((160, 40)).columns
    roots = tree(spans)
    begin = min(s.start for s in spans)
    end = max(s.end for s in spans)
    total = max(end - begin, 1)
    rows: list[tuple[Span, int]] = []

    def walk(span: Span, depth: int) -> None:
        rows.append((span, depth))
        for child in span.children:
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    service_width = max(len(s.service) for s, _ in rows)
    label_width = min(max(len(s.name) + 2 * d + 2 for s, d in rows), 64)
    bar_width = max(20, min(60, width - service_width - label_width - 40))
    header = (f"trace {spans[0].trace_id}  {total / 1e6:.1f} ms  {len(spans)} spans  "
              f"{_services_path(spans)}")
    lines = [header, ""]
    for span, depth in rows:
        label = ("  " * depth + span.name + (" !" if span.error else ""))[:label_width]
        first = int((span.start - begin) / total * bar_width)
        length = max(1, round((span.end - span.start) / total * bar_width))
        bar = " " * first + "█" * min(length, bar_width - first)
        kind = _KINDS.get(span.kind, "")
        extra = _shown(span.attributes, max(10, width - service_width - label_width - bar_width - 20))
        lines.append(f"{span.service:<{service_width}}  {label:<{label_width}} |{bar:<{bar_width}}| "
                     f"{span.duration_ms:8.1f} ms {kind:<6} {extra}".rstrip())
    return "\n".join(lines)


def listing(grouped: dict[str, list[Span]], limit: int = 20) -> str:
    ordered = sorted(grouped.values(), key=lambda spans: min(s.start for s in spans), reverse=True)[:limit]
    lines = []
    for spans in ordered:
        roots = tree(spans)
        duration = (max(s.end for s in spans) - min(s.start for s in spans)) / 1e6
        lines.append(f"{spans[0].trace_id}  {duration:8.1f} ms  {len(spans):3d} spans  {roots[0].name[:50]:<50}  "
                     f"{_services_path(spans)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack.traces", description="a trace as a waterfall")
    parser.add_argument("key", nargs="?", help="trace id (or prefix), request id or conversation id; default: the latest")
    parser.add_argument("--file", type=Path, default=Path(os.environ.get("ATENDE_TRACES_FILE", str(DEFAULT_FILE))))
    parser.add_argument("--list", action="store_true", help="the recent traces, one a line")
    parser.add_argument("--width", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"no spans in {args.file}: start the stack (make run) and send a turn", file=sys.stderr)
        return 1
    grouped = traces(read_spans(args.file))
    if not grouped:
        print(f"no spans in {args.file} yet", file=sys.stderr)
        return 1
    if args.list:
        print(listing(grouped))
        return 0
    chosen = select(grouped, args.key)
    if chosen is None:
        print(f"no trace matches {args.key!r}", file=sys.stderr)
        return 1
    print(waterfall(chosen, args.width))
    return 0


if __name__ == "__main__":
    sys.exit(main())
