"""A WordPress post's content as a Sahafa body: WordPress's own display rules, in Python.

WordPress stores what the author typed and renders it on display: `wpautop()` turns blank
lines into paragraphs for content stored without `<p>`, and shortcodes (`[caption]`,
`[gallery]`, `[embed]`…) are expanded by the plugins that registered them. A Sahafa body
is stored rendered, so the import does both once, then the site's sanitizer runs
(`sahafa/articles/sanitize.py`). Images stay where the old site keeps them (remote URLs).
"""

import html
import re

# The block elements of WordPress's wpautop() (wp-includes/formatting.php).
_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section"
    r"|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)


def needs_autop(content):
    """WordPress adds paragraphs on display unless the content has its own: block-editor
    content (`<!-- wp:` markers) or classic content stored with `<p>` already."""
    return "<!-- wp:" not in content and not re.search(r"<p[\s>]", content, re.I)


def wpautop(text):
    """WordPress's wpautop(): blank lines separate paragraphs, single newlines become `<br>`,
    and block elements are never wrapped in `<p>`."""
    if not text.strip():
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n"
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.I)
    text = re.sub(rf"(<{_BLOCKS}[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</{_BLOCKS}>)", r"\1\n\n", text, flags=re.I)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.I)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)", r"\1", text, flags=re.I)
    text = re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.I)
    text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*<br />", r"\1", text, flags=re.I)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    return text.strip()


# WordPress's get_shortcode_regex() for any name: [name attrs], [name attrs /],
# [name attrs]inner[/name]; [[name]] is an escaped, literal shortcode.
_SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(/)\]|\](?:([^\[]*(?:\[(?!/\2\])[^\[]*)*)\[/\2\])?)(\]?)"
)
_ATTRIBUTE = re.compile(
    r"([\w-]+)\s*=\s*\"([^\"]*)\"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"
    r"|([\w-]+)\s*=\s*([^\s'\"]+)(?:\s|$)"
)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_LINKED_IMG = re.compile(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.I)
_URL_LINE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$", re.M)


def shortcode_attributes(text):
    """WordPress's shortcode_parse_atts(): name="value" pairs (names lowercased)."""
    found = {}
    for match in _ATTRIBUTE.finditer(text.replace("\xa0", " ")):
        if match.group(1):
            found[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            found[match.group(3).lower()] = match.group(4)
        elif match.group(5):
            found[match.group(5).lower()] = match.group(6)
    return found


def _figure(src, caption="", alt=""):
    image = f'<img src="{html.escape(src)}" alt="{html.escape(alt)}">'
    if caption:
        return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"
    return f"<figure>{image}</figure>"


def _link(url):
    url = html.escape(url.strip())
    return f'<p><a href="{url}">{url}</a></p>'


class Shortcodes:
    """Expands the shortcodes of one post. `attachments` maps a WordPress attachment id to
    (url, caption); `children` are the post's own attachment ids (a [gallery] without ids
    shows them, as WordPress does)."""

    def __init__(self, attachments, children=()):
        self.attachments = attachments
        self.children = list(children)
        self.unknown = set()

    def expand(self, content):
        return _SHORTCODE.sub(self._replace, content)

    def _replace(self, match):
        if match.group(1) == "[" and match.group(6) == "]":
            return match.group(0)[1:-1]  # [[name]]: the literal text "[name]"
        name = match.group(2).lower()
        attributes = shortcode_attributes(match.group(3))
        inner = match.group(5) or ""
        handler = getattr(self, f"_{name}", None)
        if handler is None:
            self.unknown.add(name)
            # An unknown plugin's wrapper keeps what it wraps; a lone tag goes.
            return match.group(1) + self.expand(inner) + match.group(6)
        return match.group(1) + handler(attributes, inner) + match.group(6)

    def _caption(self, attributes, inner):
        inner = self.expand(inner)
        image = _LINKED_IMG.search(inner)
        caption = attributes.get("caption", "")
        if image:
            caption = caption or inner[image.end() :].strip()
            inner = image.group(0)
        else:
            return inner
        img = _IMG.search(inner).group(0)
        return f"<figure>{img}<figcaption>{caption}</figcaption></figure>" if caption else img

    _wp_caption = _caption

    def _gallery(self, attributes, inner):
        ids = [i.strip() for i in attributes.get("ids", "").split(",") if i.strip().isdigit()]
        ids = [int(i) for i in ids] or self.children
        exclude = {int(i) for i in attributes.get("exclude", "").split(",") if i.strip().isdigit()}
        found = [self.attachments.get(i) for i in ids if i not in exclude]
        return "\n".join(_figure(url, html.escape(caption)) for url, caption in filter(None, found))

    def _embed(self, attributes, inner):
        url = inner.strip() or attributes.get("src", "")
        return _link(url) if url else ""

    def _media(self, attributes, inner):
        url = attributes.get("src") or attributes.get("mp4") or attributes.get("mp3") or ""
        url = url or next((v for k, v in attributes.items() if v.startswith("http")), "")
        return _link(url) if url else ""

    _video = _audio = _playlist = _media


def expand_embeds(content):
    """A URL alone on its line was an oEmbed (a tweet, a video): kept as a link."""
    return _URL_LINE.sub(lambda m: _link(html.unescape(m.group(1))), content)
