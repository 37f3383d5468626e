"""HTML: headings, paragraphs, lists, tables and preformatted text; scripts,
styles and the site's navigation dropped. A table is one block, a row a line ("cell |
cell"), empty cells kept: the chunker repeats its header in each chunk of it, and an
answer reads a row's values under their columns' names ("Kit 3.3: Preço de tabela:
R$ 14.790; À vista no PIX: R$ 14.050,50"), as for a Markdown table. The footer's
lines that hold a number are kept, in the page's last section: a business's page
puts its CNPJ, address and phone there, which customers ask for. A footer line
without one (the company's name and city, on every page) would only draw the
searches that name the company; a footer chunk of its own did too
(docs/performance.md section 21)."""

from __future__ import annotations

from html.parser import HTMLParser

from knowledge_svc.documents.blocks import Block, Headings, ParsedDocument, clean_line

# Not content: code, styles, embedded objects, and the site's navigation.
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "blockquote",
    "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "form", "fieldset", "figure",
    "figcaption", "address", "details", "summary", "body", "html",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CELLS = ("td", "th")


class _HtmlExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.blocks: list[Block] = []
        self._headings = Headings()
        self._skip_depth = 0
        self._in_title = False
        self._heading_level = 0
        self._heading_text: list[str] = []
        self._text: list[str] = []
        self._item_prefix = ""
        self._in_pre = False
        self._row: list[str] = []
        self._rows: list[str] = []  # the rows of the table being read
        self._cell_start = 0
        self._footer_depth = 0

    def _flush(self) -> None:
        raw = "".join(self._text)
        self._text = []
        if self._in_pre:
            body = "\n".join(line.rstrip() for line in raw.splitlines()).strip("\n")
        else:
            body = "\n".join(clean_line(line) for line in raw.splitlines() if clean_line(line))
        if self._footer_depth:
            body = "\n".join(line for line in body.splitlines() if any(c.isdigit() for c in line))
        if body.strip():
            self.blocks.append(Block(self._headings.section, self._item_prefix + body))
        self._item_prefix = ""

    # -- start tags ------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            # <title> lives in <head>, which is skipped for nothing else is text there.
            if tag != "head":
                self._skip_depth += 1
        elif not self._skip_depth:
            self._start(tag)

    def _start(self, tag: str) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _HEADINGS:
            self._flush()
            self._heading_level = _HEADINGS[tag]
            self._heading_text = []
        elif tag == "br":
            self._text.append("\n")
        elif tag in _CELLS:
            self._cell_start = len(self._text)
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag == "table":
                self._end_table()  # a table inside a table's cell: the outer one's rows so far first
            if tag == "footer":
                self._footer_depth += 1
            if tag == "li":
                self._item_prefix = "- "
            if tag == "pre":
                self._in_pre = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._skip_depth:
            self._text.append("\n")

    # -- end tags --------------------------------------------------------------

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            if tag != "head" and self._skip_depth:
                self._skip_depth -= 1
        elif not self._skip_depth:
            self._end(tag)

    def _end(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HEADINGS:
            if self._heading_level:
                self._end_heading()
        elif tag in _CELLS or tag == "tr":
            self._end_cell(tag)
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag == "table":
                self._end_table()
            if tag == "footer" and self._footer_depth:
                self._footer_depth -= 1
            if tag == "pre":
                self._in_pre = False

    def _end_cell(self, tag: str) -> None:
        if tag in _CELLS:
            self._row.append(clean_line("".join(self._text[self._cell_start :])))
            del self._text[self._cell_start :]
        else:  # the row: kept unless every cell is empty
            if any(self._row):
                self._rows.append(" | ".join(self._row).strip())
                header = next((row for row in self._rows if " | " in row), None) if len(self._row) == 1 else None
                if len(self._rows) > 1 and header is not None:
                    # A row of one cell across the table ("DC input") heads the rows after it: a line of its own,
                    # then the table's header again, so that those rows are read under their columns' names and
                    # not under the first of them. (Right under the header, it goes before it.)
                    if self._rows[-2] == header:
                        self._rows[-2], self._rows[-1] = self._rows[-1], self._rows[-2]
                    else:
                        self._rows.append(header)
            self._row = []

    def _end_table(self) -> None:
        if self._rows:
            self.blocks.append(Block(self._headings.section, "\n".join(self._rows)))
        self._rows = []

    def _end_heading(self) -> None:
        name = clean_line("".join(self._heading_text))
        level = self._heading_level
        self._heading_level = 0
        if not name:
            return
        if level == 1 and (not self.title or (name == self.title and not self._headings)):
            self.title = name
            if not self._headings:
                return  # the document's title is not a section of it
        self._headings.enter(level, name)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title += data
        elif self._heading_level:
            self._heading_text.append(data)
        else:
            self._text.append(data if self._in_pre else data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        self._flush()
        self._end_table()  # a table the page never closed
        self.title = clean_line(self.title)


def parse_html(text: str) -> ParsedDocument:
    extractor = _HtmlExtractor()
    extractor.feed(text)
    extractor.close()
    return ParsedDocument(title=extractor.title, blocks=extractor.blocks)
