"""The KB question sets through a running stack's public REST API, the way an outside
evaluator measures them: each file of the KB folder is posted to
`POST /v1/knowledge/documents` as its raw contents with no content_type (a PDF as
base64), the document id as its `source`; each question is one customer turn in a
conversation of its own (`POST /v1/conversations/{id}/messages`), answered by whatever
agent the router picks; recall comes from `POST /v1/knowledge:search`. The figures are
answers.py's (key fact, cited, false abstention, abstained, recall@1/@5).

    make run   # in another terminal, on a fresh data folder (ATENDE_DATA_DIR)
    .venv/bin/python -m knowledge_svc.eval.rest --kb vetorfibra --split dev
    .venv/bin/python -m knowledge_svc.eval.rest --url https://localhost:8443 --insecure --no-ingest
    .venv/bin/python -m knowledge_svc.eval.rest --kb carnauba --split probe --half b   # a KB nobody tuned for

Posting into the default collection replaces the sample knowledge base (knowledge_svc
README). A 429 (the gateway's rate limit, 100 requests a minute a key by default) is
waited out and retried."""

from __future__ import annotations

import argparse
import base64
import os
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from devstack.rest import post_json
from knowledge_svc.eval.answers import DEPTH, KBS, PROBE_KBS, Outcome, failures, figures, load, report
from knowledge_svc.files import FileDocument, read_folder


def raw_documents(folder: Path) -> list[dict[str, Any]]:
    """Each file as a caller with no parser of its own would send it: raw contents,
    no content_type, its id as the source (citations name it)."""
    documents = []
    for item in read_folder(folder):
        if not isinstance(item, FileDocument):
            continue
        data = item.path.read_bytes()
        text = base64.b64encode(data).decode() if item.path.suffix.lower() == ".pdf" else data.decode("utf-8", "replace")
        documents.append({"id": item.id, "title": item.title, "text": text, "source": item.id})
    return documents


def ingest(client: httpx.Client, folder: Path) -> int:
    documents = raw_documents(folder)
    for start in range(0, len(documents), 8):
        post_json(client, "/v1/knowledge/documents", {"documents": documents[start:start + 8]})
    return len(documents)


def ask(client: httpx.Client, run: str, question_id: str, text: str) -> tuple[str, list[str], list[str]]:
    """(reply text, cited sources, document ids a search returns)."""
    turn = post_json(client, f"/v1/conversations/rest-eval-{run}-{question_id}/messages",
                 {"user_id": f"rest-eval-{run}", "text": text, "channel": "api"})
    reply = turn.get("reply", {})
    cited = [c.get("source", "") for c in reply.get("citations", [])]
    found = post_json(client, "/v1/knowledge:search", {"query": text, "top_k": DEPTH})
    return str(reply.get("text", "")), cited, [r.get("document_id", "") for r in found.get("results", [])]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge_svc.eval.rest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--api-key-env", default="ATENDE_API_KEY", help="the variable holding an admin key, if any")
    parser.add_argument("--kb", choices=[*KBS, *PROBE_KBS], default="vetorfibra",
                        help="a blind KB, or a probe KB (evals/probes/) with --split probe")
    parser.add_argument("--split", choices=["dev", "test", "both", "probe"], default="dev",
                        help="probe: a probe KB's own questions (not blind; figures only, no threshold)")
    parser.add_argument("--half", choices=["a", "b"], help="probe only: the tuning half (a) or the check half (b)")
    parser.add_argument("--no-ingest", action="store_true", help="the KB is already loaded")
    parser.add_argument("--insecure", action="store_true", help="accept a self-signed TLS certificate (make run's)")
    parser.add_argument("--verbose", action="store_true", help="list misses")
    args = parser.parse_args(argv)
    key = os.environ.get(args.api_key_env, "")
    headers = {"x-api-key": key} if key else {}
    if (args.split == "probe") != (args.kb in PROBE_KBS):
        parser.error(f"--kb {args.kb} goes with {'--split probe' if args.kb in PROBE_KBS else '--split dev|test|both'}")
    if args.half and args.split != "probe":
        parser.error("--half is for --split probe")
    kb_dir, questions_path = PROBE_KBS[args.kb] if args.kb in PROBE_KBS else KBS[args.kb]
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    questions = load(questions_path, splits, half=args.half or "")
    run = uuid.uuid4().hex[:8]
    status = 0
    with httpx.Client(base_url=args.url, headers=headers, timeout=60, verify=not args.insecure) as client:
        if not args.no_ingest:
            print(f"[{args.kb}] posted {ingest(client, kb_dir)} documents", file=sys.stderr)
        outcomes = []
        for question in questions:
            text, cited, returned = ask(client, run, question.id, question.text)
            outcomes.append(Outcome(question, returned, text, cited))
    for split in splits:
        part = [o for o in outcomes if o.question.split == split]
        print("\n".join(report(f"{args.kb} (REST)", split, part, args.verbose, False)))
        failed = failures(figures(part), False) if split != "probe" else []
        if failed:
            print(f"  BELOW THRESHOLD: {'; '.join(failed)}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
