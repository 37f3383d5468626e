"""The format of a document whose caller did not say (an empty content_type).

Callers that ingest through the REST API often send a file's contents as `text` and
nothing else. Read as plain text, a Markdown table stays a row of pipes and an HTML
page stays tags, and answers drawn from them lose the row or the heading a fact sits
under. So an unlabelled document is read in the format its content shows, and only
clear signs count: an HTML document start or several block tags; a Markdown heading,
table rule or front matter. Anything else stays plain text, and an explicit
"text/plain" is always taken at its word."""

from __future__ import annotations

import re

# "%PDF-" in base64: a PDF sent as the text field (proto bytes are base64 in JSON).
_PDF_BASE64 = "JVBERi0"
_HTML_START = re.compile(r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_BLOCK_TAG = re.compile(r"</(?:p|div|h[1-6]|table|tr|td|th|ul|ol|li|section|article|main|header|dl|dd|dt)\s*>", re.I)
# Closing block tags a document needs before it is read as HTML: a plain message that
# mentions "</p>" once is still plain text.
_HTML_MIN_TAGS = 3
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)
_MD_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:[A-Za-z_][\w-]*[ \t]*:.*\n)+---[ \t]*(?:\n|\Z)")


def detect_content_type(text: str) -> str:
    """"application/pdf", "text/html", "text/markdown" or "text/plain" for an
    unlabelled document's content."""
    head = text.lstrip()
    if head.startswith(_PDF_BASE64):
        return "application/pdf"
    if _HTML_START.match(text) or len(_HTML_BLOCK_TAG.findall(text, 0, 200_000)) >= _HTML_MIN_TAGS:
        return "text/html"
    if _MD_FRONT_MATTER.match(text) or _MD_HEADING.search(text) or _MD_TABLE_RULE.search(text):
        return "text/markdown"
    return "text/plain"

