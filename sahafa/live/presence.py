"""Whether an article is a live blog, and its entries as readers see them: read once per
article object, shared by its JSON-LD and its page's live region."""

from django.core.exceptions import ObjectDoesNotExist

from .models import Entry


def live_blog_of(article):
    """The article's `LiveBlog`, or None. Django keeps the answer, even "none", on the
    article object, so the page asks the database once."""
    try:
        return article.live_blog
    except ObjectDoesNotExist:
        return None


def published_entries(blog):
    if "_published_entries" not in blog.__dict__:
        blog._published_entries = list(
            Entry.objects.filter(live_blog=blog)
            .for_readers()
            .select_related("created_by__author_profile")
        )
    return blog._published_entries
