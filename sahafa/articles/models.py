import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sahafa.arabic import excerpt, plain_text, slugify_ar

from .sanitize import sanitize_body

YEAR = re.compile(r"[0-9]{4}")
# Section pages live at /<slug>/, beside the site's own top-level paths.
RESERVED_SECTION_SLUGS = {
    "a", "admin", "api", "atom", "author", "comments", "feeds", "live", "media", "rss", "search",
    "sitemap.xml", "static", "tag", "robots.txt",
}  # fmt: skip


def validate_section_slug(value):
    # Four digits are a year: /2026/ is the year's archive (articles/archives.py).
    if value.lower() in RESERVED_SECTION_SLUGS or YEAR.fullmatch(value):
        raise ValidationError(_("This slug is reserved for the site's own pages."))


class Section(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        allow_unicode=True,
        validators=[validate_section_slug],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", args=[self.slug])


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_ar(self.name, max_length=100) or "tag"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:tag", args=[self.slug])


class Author(models.Model):
    name = models.CharField(_("display name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="authors/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", args=[self.slug])


# How long a breaking story stays in the «عاجل» ticker.
BREAKING_HOURS = 24

# {name: callable returning a query expression}: what add-ons add to every listing card,
# registered in their AppConfig.ready() (the comments app adds `comment_count`).
CARD_ANNOTATIONS = {}

# Callables `(now) -> datetime | None`: the next moment what an add-on puts on reader pages
# changes with nothing saved (sahafa/frontpage: a placement expiring), registered in their
# AppConfig.ready(); `next_unannounced_change()` answers for them too.
UNANNOUNCED_CHANGES = []


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """What readers may see: published, or scheduled and due. The one public filter,
        so a scheduled article goes live at `published_at` with no background job."""
        return self.filter(
            status__in=Article.PUBLIC_STATUSES, published_at__lte=at or timezone.now()
        )

    def hidden(self, at=None):
        """Every article that `published(at)` leaves out, and no other: a status that is
        not public, or a public one not yet due (or without a time). Three ranges of
        `article_public_idx`, so it costs what it returns rather than a scan of the archive
        (search counts its visible matches as all matches less the hidden ones)."""
        at = at or timezone.now()
        not_public = [s for s in Article.Status.values if s not in Article.PUBLIC_STATUSES]
        plain = self.order_by().values("pk")
        return plain.filter(status__in=not_public).union(
            plain.filter(status__in=Article.PUBLIC_STATUSES, published_at__gt=at),
            plain.filter(status__in=Article.PUBLIC_STATUSES, published_at__isnull=True),
            all=True,
        )

    def scheduled(self, at=None):
        return self.filter(status=Article.Status.SCHEDULED, published_at__gt=at or timezone.now())

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    def in_review(self):
        return self.filter(status=Article.Status.REVIEW)

    def breaking(self, hours=BREAKING_HOURS):
        """Breaking news still fresh enough for the «عاجل» ticker."""
        now = timezone.now()
        return self.published(now).filter(
            is_breaking=True, published_at__gte=now - timedelta(hours=hours)
        )

    def next_going_live(self, now):
        """When the next scheduled article becomes public, or None."""
        return (
            self.scheduled(now)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def next_unannounced_change(self, now):
        """The next moment what readers see changes with nothing saved: a scheduled article
        going live, a breaking item leaving the ticker, or what an add-on registered in
        `UNANNOUNCED_CHANGES`. None if nothing is due."""
        expiring = (
            self.breaking(BREAKING_HOURS)
            .order_by("published_at")
            .values_list("published_at", flat=True)
        )
        moments = [
            self.next_going_live(now),
            (first + timedelta(hours=BREAKING_HOURS)) if (first := expiring.first()) else None,
            *(next_change(now) for next_change in UNANNOUNCED_CHANGES),
        ]
        return min(filter(None, moments), default=None)

    def in_section(self, section):
        return self.filter(section=section)

    def editable_by(self, user):
        """Editors see every article; writers their own."""
        if user.has_perm("articles.edit_any_article"):
            return self
        return self.filter(Q(created_by=user) | Q(authors__user=user)).distinct()

    def for_cards(self):
        """Everything a card on a listing needs, in a fixed number of queries: add-ons
        contribute their columns through `CARD_ANNOTATIONS` (the comment count)."""
        return self.select_related("section").annotate(
            **{name: make() for name, make in CARD_ANNOTATIONS.items()}
        )

    def newest_first(self):
        return self.order_by("-published_at", "-id")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        REVIEW = "review", _("in review")
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    # The one definition of what may be public: published, or scheduled (public once due).
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)

    kicker = models.CharField(
        _("kicker"),
        max_length=200,
        blank=True,
        help_text=_("The short lead-in shown before the headline."),
    )
    headline = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True, blank=True)
    standfirst = models.TextField(_("standfirst"), blank=True)
    body = models.TextField(_("body"), blank=True)
    lead_image = models.ImageField(_("lead image"), upload_to="articles/%Y/%m/", blank=True)
    lead_image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    lead_image_credit = models.CharField(_("image credit"), max_length=150, blank=True)
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("authors"),
        through="Byline",
        blank=True,
        related_name="articles",
    )
    dateline = models.CharField(_("dateline"), max_length=80, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    is_breaking = models.BooleanField(_("breaking news"), default=False)
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("modified"), auto_now=True)
    materially_updated_at = models.DateTimeField(
        _("last material update"),
        null=True,
        blank=True,
        help_text=_("Shown to readers as «last updated». Leave empty for typo fixes."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    seo_title = models.CharField(
        _("search title"),
        max_length=110,
        blank=True,
        help_text=_("The title search engines and social cards show. Empty: the headline."),
    )
    seo_description = models.CharField(
        _("search description"),
        max_length=300,
        blank=True,
        help_text=_(
            "The summary search engines and social cards show. Empty: the standfirst "
            "or the body's first words."
        ),
    )
    source_url = models.URLField(
        _("source URL"),
        max_length=500,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Where an imported article came from; the import key."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_public_idx"),
            # Newest-first listings walk these in order instead of sorting the archive.
            models.Index(fields=["-published_at", "-id"], name="article_newest_idx"),
            models.Index(fields=["section", "-published_at", "-id"], name="article_section_idx"),
            # Search joins its matches to the articles by id and reads only these columns:
            # from this index, not from rows whose body (stored before them) spans several
            # pages. SQLite picks it once it has statistics (docs/search.md).
            models.Index(
                fields=["id", "status", "published_at", "section"], name="article_visible_idx"
            ),
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
            ("edit_any_article", _("Can edit articles by other writers")),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.body = sanitize_body(self.body)
        if not self.slug:
            self.slug = slugify_ar(self.headline, max_length=60) or "article"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.section.slug, self.pk, self.slug])

    def get_share_url(self):
        return reverse("articles:share", args=[self.pk])

    @property
    def is_public(self):
        return (
            self.status in self.PUBLIC_STATUSES
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def byline_authors(self):
        """Authors in byline order; uses a prefetch of `byline_set__author` when present."""
        if "byline_set" in getattr(self, "_prefetched_objects_cache", {}):
            return [byline.author for byline in self.byline_set.all()]
        return [byline.author for byline in self.byline_set.select_related("author")]

    @property
    def body_text(self):
        return plain_text(self.body)

    def summary(self, max_chars=160):
        return excerpt(self.standfirst or self.body_text, max_chars)

    @property
    def search_title(self):
        return self.seo_title or self.headline

    @property
    def search_description(self):
        return self.seo_description or self.summary()


class Byline(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    author = models.ForeignKey(Author, verbose_name=_("author"), on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="one_byline_per_author")
        ]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")

    def __str__(self):
        return str(self.author)


class ArticleLogEntry(models.Model):
    """One line in an article's newsroom history: who changed its state, and when."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="log_entries")
    action = models.CharField(_("action"), max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")

    def __str__(self):
        return f"{self.article_id} {self.action} {self.at:%Y-%m-%d %H:%M}"
