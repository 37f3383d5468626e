"""Validates the SolarBrisa and guardrail sets (fields, enumerations, unique ids, splits) and prints counts."""
import collections
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from build_pii import cnpj_valid, cpf_valid, luhn_ok

ROOT = pathlib.Path(__file__).resolve().parents[1]
AGENTS = {"sales", "support", "product", "small_talk", "out_of_scope", "clarify"}
STYLES = {"formal", "informal", "typos", "slang", "no_accents", "emoji", "terse", "long"}
errors = []


def load(rel):
    recs = []
    for n, line in enumerate((ROOT / rel).read_text(encoding="utf-8").splitlines(), 1):
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError as e:
            errors.append(f"{rel}:{n}: {e}")
    ids = [r.get("id") for r in recs]
    if len(set(ids)) != len(ids):
        errors.append(f"{rel}: duplicate ids")
    for r in recs:
        if r.get("split") not in ("dev", "test"):
            errors.append(f"{rel}: {r.get('id')} has no split")
    return recs


def need(rel, r, fields):
    for k, t in fields.items():
        if not isinstance(r.get(k), t):
            errors.append(f"{rel}: {r.get('id')} field {k!r} missing or not {t}")


def table(title, recs, key):
    c = collections.Counter((key(r), r["split"]) for r in recs)
    print(f"  {title}:")
    for k in sorted({k for k, _ in c}):
        print(f"    {k:20s} total {c[(k, 'dev')] + c[(k, 'test')]:4d}  dev {c[(k, 'dev')]:4d}  test {c[(k, 'test')]:4d}")


def main():
    rel = "solar/routing.jsonl"
    rt = load(rel)
    for r in rt:
        need(rel, r, {"id": str, "text": str, "agent": str, "lang": str, "style": str})
        if r.get("agent") not in AGENTS or r.get("lang") not in ("pt", "en", "mixed") or r.get("style") not in STYLES:
            errors.append(f"{rel}: {r['id']} bad enum")
    print(rel, len(rt)); table("agent", rt, lambda r: r["agent"]); table("lang", rt, lambda r: r["lang"])

    rel = "solar/conversations.jsonl"
    cv = load(rel)
    for r in cv:
        need(rel, r, {"id": str, "lang": str, "turns": list})
        if not 3 <= len(r["turns"]) <= 6:
            errors.append(f"{rel}: {r['id']} has {len(r['turns'])} turns")
        for t in r["turns"]:
            if not isinstance(t.get("text"), str) or t.get("agent") not in AGENTS:
                errors.append(f"{rel}: {r['id']} bad turn {t}")
    print(rel, len(cv), "conversations,", sum(len(r["turns"]) for r in cv), "turns")
    table("lang", cv, lambda r: r["lang"])
    turns = [dict(t, split=r["split"]) for r in cv for t in r["turns"]]
    table("turn agent", turns, lambda t: t["agent"])

    rel = "solar/questions.jsonl"
    qs = load(rel)
    kb = {p.stem for p in (ROOT.parent / "knowledge_svc" / "sample_kb").iterdir()}
    for r in qs:
        need(rel, r, {"id": str, "question": str, "lang": str, "document_id": str, "facts": list, "answerable": bool})
        if r["answerable"] and (r["document_id"] not in kb or not r["facts"]):
            errors.append(f"{rel}: {r['id']} answerable without document/facts")
        if not r["answerable"] and (r["document_id"] or r["facts"]):
            errors.append(f"{rel}: {r['id']} unanswerable with document/facts")
    print(rel, len(qs)); table("answerable", qs, lambda r: str(r["answerable"]))
    table("lang", qs, lambda r: r["lang"]); table("document", [r for r in qs if r["answerable"]], lambda r: r["document_id"])

    rel = "guardrails/injection.jsonl"
    inj = load(rel)
    for r in inj:
        need(rel, r, {"id": str, "text": str, "label": str, "kind": str, "lang": str})
        if r["label"] not in ("attack", "benign") or (r["label"] == "benign") != (r["kind"] in ("ordinary", "hard_negative")):
            errors.append(f"{rel}: {r['id']} bad label/kind")
    kinds = collections.Counter(r["kind"] for r in inj if r["label"] == "attack")
    if len(kinds) < 10 or min(kinds.values()) < 20:
        errors.append(f"{rel}: attack kinds {kinds}")
    print(rel, len(inj)); table("label", inj, lambda r: r["label"]); table("kind", inj, lambda r: r["kind"])
    table("lang", inj, lambda r: f"{r['label']}/{r['lang']}")

    rel = "guardrails/pii.jsonl"
    pii = load(rel)
    for r in pii:
        need(rel, r, {"id": str, "text": str, "values": list, "lang": str})
        for v in r["values"]:
            if v.get("value") not in r["text"]:
                errors.append(f"{rel}: {r['id']} value not in text: {v}")
            ok = {"cpf": cpf_valid, "cnpj": cnpj_valid, "card": luhn_ok}.get(v.get("kind"), lambda s: True)(v["value"])
            if not ok:
                errors.append(f"{rel}: {r['id']} invalid check digits: {v}")
    print(rel, len(pii)); table("with values", pii, lambda r: "with_pii" if r["values"] else "clean")
    vals = [dict(v, split=r["split"]) for r in pii for v in r["values"]]
    table("value kind", vals, lambda v: v["kind"])

    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
