class UnicodeSlugConverter:
    """Arabic or Latin slugs, as SlugField(allow_unicode=True) accepts them. Anything else
    (NUL bytes, spaces, punctuation) is a 404 before it reaches a query: PostgreSQL refuses
    a NUL in any string, so it would be a 500."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class SectionInArticleConverter(UnicodeSlugConverter):
    """The section part of an article's address (`/<section>/<id>/…`): any slug but a
    year, so `/2026/11/` is November's archive and `/2019/05/old-post/` (an old WordPress
    address) is a 404 the redirects fallback can answer, never article 5. Section slugs
    cannot be four digits (models.validate_section_slug)."""

    regex = r"(?![0-9]{4}(?![-\w]))[-\w]+"


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigitsConverter(YearConverter):
    """A month or day as archives write it, `05`: `/2026/5/` is no archive address."""

    regex = "[0-9]{2}"

    def to_url(self, value):
        return f"{int(value):02d}"
