"""A minimal PDF writer for tests (and for the sample knowledge base's one PDF):
pages of left-aligned Helvetica lines, WinAnsi-encoded, with a /Title. Enough for
pypdf to extract the text back; no dependency."""

from __future__ import annotations


def _pdf_string(text: str) -> bytes:
    data = text.encode("cp1252", errors="replace")
    out = bytearray(b"(")
    for byte in data:
        if byte in (0x28, 0x29, 0x5C):  # ( ) \
            out += b"\\" + bytes([byte])
        elif byte < 0x20 or byte > 0x7E:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    out += b")"
    return bytes(out)


def make_pdf(pages: list[list[str]], title: str = "") -> bytes:
    """`pages` is a list of pages, each a list of lines (an empty line is a gap)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids: list[int] = []
    for lines in pages:
        stream = bytearray(b"BT /F1 11 Tf 14 TL 56 790 Td\n")
        for line in lines:
            stream += _pdf_string(line) + b" Tj T*\n"
        stream += b"ET"
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + bytes(stream) + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (pages_id, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info = add(b"<< /Title " + _pdf_string(title) + b" /Producer (atende tests) >>") if title else 0

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
