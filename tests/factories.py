"""Small factories for newsroom stories. Each makes one thing with sensible Arabic defaults."""

from itertools import count

from django.contrib.auth.models import Group, User
from django.utils import timezone

from sahafa.articles import workflow
from sahafa.articles.models import Article, Author, Byline, Section, Tag

_serial = count(1)


def make_user(username=None, group=None, **fields):
    username = username or f"user{next(_serial)}"
    user = User.objects.create_user(
        username=username, password="correct horse battery", is_staff=group is not None, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_section(name="سياسة", slug=None, **fields):
    serial = next(_serial)
    if Section.objects.filter(name=name).exists():
        name = f"{name} {serial}"
    return Section.objects.create(name=name, slug=slug or f"section-{serial}", **fields)


def make_tag(name="السعودية"):
    return Tag.objects.get_or_create(name=name)[0]


def make_author(name="سارة العتيبي", **fields):
    return Author.objects.create(name=name, slug=f"author-{next(_serial)}", **fields)


def make_article(
    headline="بوتين: رفع العقوبات عن كوريا الشمالية خطوة نحو الاستقرار",
    *,
    section=None,
    published=True,
    published_at=None,
    authors=(),
    tags=(),
    by=None,
    **fields,
):
    """An article, published by the system (an editor's action) unless `published=False`."""
    fields.setdefault("kicker", "داعياً إلى رفع العقوبات عن كوريا الشمالية..")
    fields.setdefault(
        "body",
        "<p>قال الرئيس في مؤتمر صحفي: “نحن ندعو إلى الحوار”.</p>"
        "<p>وأضاف أن المفاوضات ستستمر خلال الأسابيع المقبلة.</p>",
    )
    article = Article.objects.create(
        headline=headline, section=section or make_section(), created_by=by, **fields
    )
    for order, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, order=order)
    for tag in tags:
        article.tags.add(tag if isinstance(tag, Tag) else make_tag(tag))
    if published:
        workflow.publish(article, by=None, at=published_at or timezone.now())
        article.refresh_from_db()
    return article


def make_comment(article, body="مقال مهم، شكراً للكاتب على هذا التحليل.", **fields):
    """A comment as if it had already been judged (approved unless `status` says else)."""
    from sahafa.comments.models import Comment

    fields.setdefault("name", "أحمد علي")
    fields.setdefault("email", f"reader{next(_serial)}@example.com")
    fields.setdefault("status", Comment.Status.APPROVED)
    parent = fields.get("parent")
    fields.setdefault("depth", parent.depth + 1 if parent else 1)
    return Comment.objects.create(article=article, body=body, **fields)
