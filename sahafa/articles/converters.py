class UnicodeSlugConverter:
    """Arabic or Latin slugs, as SlugField(allow_unicode=True) accepts them. Anything else
    (NUL bytes, spaces, punctuation) is a 404 before it reaches a query: PostgreSQL refuses
    a NUL in any string, so it would be a 500."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
