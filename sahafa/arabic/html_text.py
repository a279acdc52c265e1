"""HTML to plain text, for excerpts, search indexing and feeds."""

from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_INVISIBLE_TAGS = frozenset({"script", "style", "template"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self._invisible_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _INVISIBLE_TAGS:
            self._invisible_depth += 1
        elif tag in _BLOCK_TAGS:
            self._break_paragraph()

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK_TAGS:
            self._break_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE_TAGS:
            self._invisible_depth = max(0, self._invisible_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._break_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._invisible_depth:
            self.paragraphs[-1].append(data)

    def _break_paragraph(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])


def plain_text(html: str) -> str:
    """Text content of ``html``: one line per block element, whitespace collapsed within lines.

    Entities are decoded, script/style/template content is dropped, empty lines are removed.
    """
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = (" ".join("".join(chunks).split()) for chunks in extractor.paragraphs)
    return "\n".join(line for line in lines if line)
