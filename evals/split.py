"""Assign the dev/test split of every record of the eval JSONL files, in place.

Rule (evals format): split = "dev" if int(sha256(id).hexdigest(), 16) % 2 == 0 else "test",
where id is the record's own "id" (UTF-8). The field is added, or overwritten if present.

Usage: python evals/split.py [FILE.jsonl ...]   (no arguments: every *.jsonl under evals/)
"""
import hashlib
import json
import sys
from pathlib import Path


def split_of(record_id: str) -> str:
    return "dev" if int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def rewrite(path: Path) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in records:
        record["split"] = split_of(record["id"])
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    dev = sum(r["split"] == "dev" for r in records)
    print(f"{path}: {len(records)} records, {dev} dev, {len(records) - dev} test")


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted(Path(__file__).resolve().parent.rglob("*.jsonl"))
    for path in paths:
        rewrite(path)


if __name__ == "__main__":
    main(sys.argv[1:])
