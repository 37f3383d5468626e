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
        self._title = ""  # a table's first row when it is one <th> cell across the table
        self._spans: list[tuple[int, int]] = []  # each cell's (colspan, rowspan) in the row being read
        self._span = (1, 1)  # the cell being read's
        self._carried: dict[int, tuple[str, int]] = {}  # column -> (a cell spanning rows, rows it has left)
        self._kinds: list[str] = []  # the row being read's cells' tags (th, td)
        self._header: list[str] = []  # the table's first row, when it has several <th> cells and nothing above it
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
            if tag in _CELLS:
                self._span = (_span(attrs, "colspan"), _span(attrs, "rowspan"))
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
            self._spans.append(self._span)
            self._kinds.append(tag)
            self._span = (1, 1)
            del self._text[self._cell_start :]
        else:  # the row: kept unless every cell is empty
            self._row = self._laid_out()
            if any(self._row) and not self._merged_into_header():
                self._head_the_rows()
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
            self._spans = []
            self._kinds = []

    def _laid_out(self) -> list[str]:
        """The row's cells on the table's grid: a cell spanning columns fills each of them, and one spanning rows
        fills its columns in the rows below. A row of one cell stays one (a title across the table)."""
        if len(self._row) == 1 and not self._carried:
            return self._row
        cells: list[str] = []

        def carry() -> None:
            while len(cells) in self._carried:
                text, left = self._carried.pop(len(cells))
                if left > 1:
                    self._carried[len(cells)] = (text, left - 1)
                cells.append(text)

        for text, (columns, rows) in zip(self._row, self._spans, strict=True):
            carry()
            for column in range(len(cells), len(cells) + columns):
                if rows > 1:
                    self._carried[column] = (text, rows - 1)
                cells.append(text)
        carry()
        return cells

    def _merged_into_header(self) -> bool:
        """A second row of <th> cells right under the first ("Cobertura | Limite de indenização" then "Cobertura |
        Básico | Completo", the first cell spanning both rows) is one header: each column named by both."""
        all_heads = bool(self._kinds) and all(kind == "th" for kind in self._kinds)
        first = self._header and self._rows and self._rows[-1] == " | ".join(self._header)
        if all_heads and first and len(self._header) == len(self._row):
            merged = [a if a == b else f"{a} {b}" for a, b in zip(self._header, self._row, strict=True)]
            self._rows[-1] = " | ".join(merged)
            self._header = []
            return True
        # Only the first row of several cells may head the rows under it this way.
        started = any(" | " in row for row in self._rows)
        self._header = self._row if all_heads and len(self._row) > 1 and not started else []
        return False

    def _head_the_rows(self) -> None:
        """A table headed by one <th> cell across it ("Franquia por evento") and then rows of two <td> cells: the
        first row is no header, so the title heads both columns ("Roubo e furto: Franquia por evento: R$ 800")."""
        if any(" | " in row for row in self._rows):
            return
        heads = "th" in self._kinds
        if len(self._row) == 1 and heads and not self._rows:
            self._title = self._row[0]
        elif len(self._row) == 2 and not heads and self._title:
            self._rows.append(f"{self._title} | {self._title}")

    def _end_table(self) -> None:
        if self._rows:
            self.blocks.append(Block(self._headings.section, "\n".join(self._rows)))
        self._rows = []
        self._title = ""
        self._carried = {}
        self._header = []

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


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's colspan or rowspan: 1 when absent or not a number, at most 50."""
    value = next((v for k, v in attrs if k == name), None) or "1"
    return min(50, max(1, int(value))) if value.strip().isdigit() else 1


def parse_html(text: str) -> ParsedDocument:
    extractor = _HtmlExtractor()
    extractor.feed(text)
    extractor.close()
    return ParsedDocument(title=extractor.title, blocks=extractor.blocks)
