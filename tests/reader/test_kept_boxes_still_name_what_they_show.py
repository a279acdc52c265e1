"""A box the site keeps between renders («شاهد أيضاً», «الأكثر قراءة») still names what it
shows in the surrogate keys of every page that reuses it, so a purge reaches that page."""

from tests.factories import make_article


def surrogate_keys(reader, article):
    return set(reader.get(article.get_absolute_url())["Surrogate-Key"].split())


def test_a_page_reusing_kept_boxes_names_their_stories(reader, settings):
    settings.SAHAFA_PAGE_CACHE_SECONDS = 0  # every request renders: the boxes are reused
    older = make_article("أسعار النفط ترتفع مع تراجع المخزونات الأمريكية")
    article = make_article("أسعار النفط تواصل الارتفاع بعد تراجع المخزونات")

    first, again = surrogate_keys(reader, article), surrogate_keys(reader, article)

    assert {f"related-{article.pk}", f"article-{older.pk}", "most-read"} <= first
    assert again == first
