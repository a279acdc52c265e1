"""The rich-text editor offers only markup the body's sanitizer keeps, so nothing a
journalist formats is silently lost on save."""

from django_prose_editor.config import allowlist_from_extensions

from sahafa.articles.sanitize import ALLOWED_TAGS, sanitize_body
from sahafa.newsroom.forms import EDITOR_EXTENSIONS, ArticleForm


def test_every_tag_the_toolbar_can_make_survives_sanitizing():
    toolbar = allowlist_from_extensions(EDITOR_EXTENSIONS)

    assert toolbar["tags"] <= ALLOWED_TAGS
    assert {"h2", "h3", "strong", "em", "blockquote", "ul", "ol", "li", "a", "p"} <= toolbar["tags"]
    assert {"h1", "h4", "h5", "h6"}.isdisjoint(toolbar["tags"])


def test_what_the_editor_produces_comes_back_unchanged_but_for_isolated_latin_runs():
    body = (
        "<h2>قمة G20</h2><p>قال: <strong>«نعم»</strong> و<em>لا</em></p>"
        "<blockquote><p>اقتباس</p></blockquote><ul><li><p>أولاً</p></li></ul>"
        '<ol><li><p>ثانياً</p></li></ol><p><a href="https://g20.org" rel="noopener noreferrer">'
        "الموقع</a><br>سطر</p>"
    )
    assert sanitize_body(body) == body.replace("G20", "<bdi>G20</bdi>")


def test_the_form_cleans_the_body_with_the_sanitizer_of_record():
    field = ArticleForm.base_fields["body"]
    assert field.clean('<p onclick="x()">نص<script>1</script></p>') == "<p>نص</p>"
