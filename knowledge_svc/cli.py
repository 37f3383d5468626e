"""Command-line tool for the knowledge base, talking to the running knowledge_svc
over gRPC.

    python -m knowledge_svc.cli ingest FOLDER --collection NAME [--addr HOST:PORT]
    python -m knowledge_svc.cli search "qual a garantia do inversor?" [--collection NAME] [--top-k 5]
    python -m knowledge_svc.cli delete DOCUMENT_ID [--collection NAME]

`ingest` reads every .txt, .md, .html and .pdf file below FOLDER (PDFs are turned
into text here, page by page), sends them in batches with IngestDocuments and shows
a progress bar; re-running it replaces the documents instead of duplicating them.
The address defaults to KNOWLEDGE_ADDR, else 127.0.0.1:50054."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import grpc
from atende.knowledge.v1 import knowledge_service_pb2 as pb
from atende.knowledge.v1 import knowledge_service_pb2_grpc as pb_grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from tqdm import tqdm  # type: ignore[import-untyped]

from knowledge_svc.files import FileDocument, read_folder

# Stay well under gRPC's default 4 MB message limit.
MAX_MESSAGE_BYTES = 3_000_000


def _error_text(error: grpc.aio.AioRpcError) -> str:
    text = f"{error.code().name}: {error.details()}"
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    if status is not None:
        for detail in status.details:
            bad_request = error_details_pb2.BadRequest()
            if detail.Unpack(bad_request):
                text += "".join(f"\n  {v.field}: {v.description}" for v in bad_request.field_violations)
    return text


def _document(item: FileDocument) -> pb.Document:
    return pb.Document(
        id=item.id,
        title=item.title,
        text=item.text,
        source=item.source,
        metadata=item.metadata,
        content_type=item.content_type,
    )


def batches(documents: Sequence[pb.Document], max_documents: int) -> list[list[pb.Document]]:
    """Consecutive groups of at most max_documents and MAX_MESSAGE_BYTES."""
    groups: list[list[pb.Document]] = []
    current: list[pb.Document] = []
    size = 0
    for document in documents:
        document_size = document.ByteSize() + 16
        if current and (len(current) >= max_documents or size + document_size > MAX_MESSAGE_BYTES):
            groups.append(current)
            current, size = [], 0
        current.append(document)
        size += document_size
    if current:
        groups.append(current)
    return groups


async def _ingest_batch(
    stub: pb_grpc.KnowledgeServiceAsyncStub, args: argparse.Namespace, group: list[pb.Document]
) -> pb.IngestDocumentsResponse:
    """One IngestDocuments call, sent again (up to 3 times) when it ends UNAVAILABLE:
    a restarting service, or a connection the server closed for its age. Safe,
    because ingesting a document again replaces it."""
    for attempt in range(3):
        try:
            response: pb.IngestDocumentsResponse = await stub.IngestDocuments(
                pb.IngestDocumentsRequest(collection=args.collection, documents=group),
                timeout=args.timeout,
                wait_for_ready=True,
            )
            return response
        except grpc.aio.AioRpcError as error:
            if error.code() != grpc.StatusCode.UNAVAILABLE or attempt == 2:
                raise
            await asyncio.sleep(1.0 + attempt)
    raise AssertionError("unreachable")


async def ingest(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    documents: list[pb.Document] = []
    skipped = 0
    for item in read_folder(folder, source_prefix=args.source_prefix):
        if isinstance(item, FileDocument):
            if item.warning:
                print(f"warning: {item.path}: {item.warning}", file=sys.stderr)
            extra = dict(kv.split("=", 1) for kv in args.metadata)
            document = _document(item)
            document.metadata.update(extra)
            if document.ByteSize() > MAX_MESSAGE_BYTES:
                print(f"skipped: {item.path}: {document.ByteSize():,} bytes is more than one request carries "
                      f"({MAX_MESSAGE_BYTES:,}); split the file", file=sys.stderr)
                skipped += 1
                continue
            documents.append(document)
        else:
            path, error = item
            print(f"skipped: {path}: {error}", file=sys.stderr)
            skipped += 1
    if not documents:
        print("no document to ingest", file=sys.stderr)
        return 1

    chunk_total = 0
    failed = 0
    async with grpc.aio.insecure_channel(
        args.addr,
        options=[("grpc.max_send_message_length", 8 * 1024 * 1024), ("grpc.max_receive_message_length", 8 * 1024 * 1024)],
    ) as channel:
        stub = pb_grpc.KnowledgeServiceStub(channel)
        with tqdm(total=len(documents), unit="doc", desc=f"ingest → {args.collection}", file=sys.stderr) as bar:
            for group in batches(documents, args.batch_size):
                try:
                    response = await _ingest_batch(stub, args, group)
                    chunk_total += response.chunk_count
                except grpc.aio.AioRpcError as error:
                    failed += len(group)
                    tqdm.write(f"failed: {', '.join(d.id for d in group)}: {_error_text(error)}", file=sys.stderr)
                    if error.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                        break
                bar.update(len(group))
                bar.set_postfix(chunks=chunk_total)
    stored = len(documents) - failed
    print(f"{stored} documents, {chunk_total} chunks stored in collection {args.collection!r}"
          f"{f'; {failed} failed' if failed else ''}{f'; {skipped} skipped' if skipped else ''}")
    return 0 if failed == 0 else 1


async def _unary(args: argparse.Namespace) -> int:
    async with grpc.aio.insecure_channel(args.addr) as channel:
        stub = pb_grpc.KnowledgeServiceStub(channel)
        try:
            if args.command == "search":
                response = await stub.SearchKnowledge(
                    pb.SearchKnowledgeRequest(collection=args.collection, query=args.query, top_k=args.top_k),
                    timeout=args.timeout,
                )
                for rank, result in enumerate(response.results, start=1):
                    where = f"{result.title} > {result.section}" if result.section else result.title
                    print(f"{rank}. [{result.score:.4f}] {where}  ({result.document_id}, {result.source})")
                    print("   " + result.text.replace("\n", "\n   "))
                if not response.results:
                    print("no passage found")
            else:
                deleted = await stub.DeleteDocument(
                    pb.DeleteDocumentRequest(collection=args.collection, document_id=args.document_id),
                    timeout=args.timeout,
                )
                print(f"{deleted.chunks_deleted} chunks deleted")
        except grpc.aio.AioRpcError as error:
            print(f"error: {_error_text(error)}", file=sys.stderr)
            return 1
    return 0


def _metadata_pair(value: str) -> str:
    if "=" not in value or value.startswith("="):
        raise argparse.ArgumentTypeError("expected KEY=VALUE")
    return value


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m knowledge_svc.cli", description=__doc__.split("\n\n")[0])
    main.add_argument("--addr", default=os.environ.get("KNOWLEDGE_ADDR", "127.0.0.1:50054"), help="knowledge_svc address")
    main.add_argument("--timeout", type=float, default=300.0, help="seconds one call may take")
    commands = main.add_subparsers(dest="command", required=True)

    ingest_cmd = commands.add_parser("ingest", help="ingest every document of a folder")
    ingest_cmd.add_argument("folder")
    ingest_cmd.add_argument("--collection", default="default", help="collection name (letters, digits, '_')")
    ingest_cmd.add_argument("--batch-size", type=int, default=16, help="documents a request")
    ingest_cmd.add_argument("--metadata", type=_metadata_pair, action="append", default=[],
                            help="KEY=VALUE added to every document's metadata (repeatable)")
    ingest_cmd.add_argument("--source-prefix", default="", help="prefix of each document's source (e.g. a URL)")

    search_cmd = commands.add_parser("search", help="search a collection")
    search_cmd.add_argument("query")
    search_cmd.add_argument("--collection", default="default")
    search_cmd.add_argument("--top-k", type=int, default=5)

    delete_cmd = commands.add_parser("delete", help="delete a document and its chunks")
    delete_cmd.add_argument("document_id")
    delete_cmd.add_argument("--collection", default="default")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "ingest":
        if not Path(args.folder).is_dir():
            print(f"error: {args.folder} is not a folder", file=sys.stderr)
            return 2
        return asyncio.run(ingest(args))
    return asyncio.run(_unary(args))


if __name__ == "__main__":
    sys.exit(main())
