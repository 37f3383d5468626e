"""Assigns the dev/test split of every record in the evaluation sets (rule of the evals format file).

split = "dev" if int(sha256(id).hexdigest(), 16) % 2 == 0 else "test"

The record's own `id` decides (for conversations and KB questions too). Files are rewritten in place,
adding or overwriting `split`. Usage: python3 evals/split.py [FILE.jsonl ...]
(without arguments: every *.jsonl under evals/).
"""
import hashlib
import json
import pathlib
import sys


def split_of(record_id: str) -> str:
    return "dev" if int(hashlib.sha256(record_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def run(path: pathlib.Path) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in records:
        r["split"] = split_of(str(r["id"]))
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dev = sum(r["split"] == "dev" for r in records)
    print(f"{path}: {len(records)} records, dev {dev}, test {len(records) - dev}")


def main(argv):
    paths = [pathlib.Path(a) for a in argv] or sorted(pathlib.Path(__file__).resolve().parent.rglob("*.jsonl"))
    for p in paths:
        run(p)


if __name__ == "__main__":
    main(sys.argv[1:])
