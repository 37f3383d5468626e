"""Documents from a folder of files (.txt, .md, .html, .pdf): what the CLI sends and
what the service loads as its sample knowledge base. No grpc here.

A document's id is its path below the folder without the extension, the parts
joined with "." (`policies/returns.md` -> `policies.returns`), so ids are stable
across runs and safe in a REST path. Markdown front matter (`---` / `key: value`
/ `---`) sets `title`, `source` and `id`; its other keys become metadata."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from knowledge_svc.documents import HTML, MARKDOWN, PLAIN, pdf_to_markdown, split_front_matter

SUFFIXES = {
    ".txt": PLAIN,
    ".text": PLAIN,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".pdf": "application/pdf",
}


@dataclass(frozen=True)
class FileDocument:
    path: Path
    id: str
    title: str
    text: str
    content_type: str
    source: str
    metadata: dict[str, str] = field(default_factory=dict)
    # A note for the user (e.g. "decoded as Windows-1252"), empty when none.
    warning: str = ""


class FileError(ValueError):
    """The file cannot become a document; the message says why."""


def find_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in SUFFIXES and not any(p.startswith(".") for p in path.parts)
    )


def document_id(folder: Path, path: Path) -> str:
    relative = path.relative_to(folder).with_suffix("")
    return ".".join(relative.parts)


def decode(data: bytes) -> tuple[str, str]:
    """(text, warning): UTF-8 (with or without a BOM, or UTF-16 with one), else
    Windows-1252, which is what a Brazilian office PC writes."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8"), ""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), ""
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        try:
            return data.decode("cp1252"), f"not UTF-8 (byte {error.start}); decoded as Windows-1252"
        except UnicodeDecodeError:
            raise FileError(f"is neither UTF-8 nor Windows-1252 text (byte {error.start})") from error


def read_document(folder: Path, path: Path, source_prefix: str = "") -> FileDocument:
    content_type = SUFFIXES.get(path.suffix.lower())
    if content_type is None:
        raise FileError(f"has an unsupported extension {path.suffix!r}")
    data = path.read_bytes()
    doc_id = document_id(folder, path)
    source = source_prefix + path.relative_to(folder).as_posix()
    metadata: dict[str, str] = {}
    title = ""
    warning = ""
    if content_type == "application/pdf":
        try:
            title, text = pdf_to_markdown(data)
        except ValueError as error:
            raise FileError(str(error)) from error
        content_type = MARKDOWN
    else:
        text, warning = decode(data)
        if content_type == MARKDOWN:
            fields, _ = split_front_matter(text)
            title = fields.pop("title", "")
            source = fields.pop("source", source)
            doc_id = fields.pop("id", doc_id)
            metadata.update(fields)
    if "\x00" in text:
        raise FileError("contains NUL bytes (a binary file?)")
    if not text.strip():
        raise FileError("is empty")
    return FileDocument(path, doc_id, title, text, content_type, source, metadata, warning)


def read_folder(folder: Path, source_prefix: str = "") -> Iterator[FileDocument | tuple[Path, FileError]]:
    """Every supported file below `folder`, as a document or as the error that
    keeps it out."""
    for path in find_files(folder):
        try:
            yield read_document(folder, path, source_prefix)
        except FileError as error:
            yield path, error
        except OSError as error:
            yield path, FileError(f"cannot be read: {error.strerror or error}")
