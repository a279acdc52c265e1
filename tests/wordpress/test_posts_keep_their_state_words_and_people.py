"""A WordPress post becomes an article with its state, its time, its Arabic slug, its words
as WordPress showed them (paragraphs, captions, galleries, embeds), its excerpt as the
standfirst, its first category as the section, the rest as tags, and its author's name."""

from datetime import UTC, datetime
from urllib.parse import quote

import pytest

from sahafa.articles.models import Article, ArticleLogEntry, Section

pytestmark = pytest.mark.django_db

SITE = "https://old.example.org"


def article(post_id):
    return Article.objects.select_related("section").get(source_url=f"{SITE}/?p={post_id}")


def test_each_state_becomes_the_newsrooms_own(newsroom_export, import_wordpress):
    report = import_wordpress(newsroom_export)

    assert article(101).status == "published"
    assert article(103).status == "draft"
    assert article(104).status == "review"
    assert article(105).status == "scheduled"
    assert article(105).published_at == datetime(2031, 1, 1, 6, 0, tzinfo=UTC)
    assert not article(105).is_public
    private = article(106)
    assert private.status == "draft" and not private.is_public
    assert ArticleLogEntry.objects.filter(
        article=private, note="import: WordPress private"
    ).exists()
    # Pages, attachments and the trash are not articles; only pages and trash are reported.
    assert Article.objects.count() == 6
    assert "استُورد: 6" in report
    assert "في سلة مهملات ووردبريس: 1" in report
    assert "ليس مقالاً (page): 1" in report
    assert "مسودة: 2، منشور: 2، قيد المراجعة: 1، مجدول: 1" in report


def test_times_are_wordpress_gmt_and_slugs_are_arabic(newsroom_export, import_wordpress):
    import_wordpress(newsroom_export)

    derby = article(101)
    assert derby.published_at == datetime(2019, 5, 3, 18, 30, tzinfo=UTC)
    assert derby.slug == "الهلال-يفوز"
    assert derby.get_absolute_url() == f"/football/{derby.pk}/{quote('الهلال-يفوز')}/"
    # A draft WordPress never dated keeps no publication time, and gets a slug of its title.
    draft = article(103)
    assert draft.published_at is None
    assert draft.slug == "مسودة-تحقيق-عن-الإسكان"


def test_words_are_shown_as_wordpress_showed_them(newsroom_export, import_wordpress, settings):
    # As docs/wordpress.md says: the old site's images stay where they are, so the operator
    # lists its host among the image hosts before importing.
    settings.SAHAFA_IMAGE_HOSTS = ["old.example.org"]
    import_wordpress(newsroom_export)

    body = article(101).body
    # wpautop: a blank line makes a paragraph, a single newline a line break.
    assert "<p>فاز الهلال على النصر بهدفين نظيفين مساء الجمعة.<br>" in body
    # [caption]: a figure with its caption; the image stays on the old site.
    assert (
        '<figure><img src="https://old.example.org/wp-content/uploads/2019/05/derby.jpg" '
        'alt="الجماهير" width="640" height="400"><figcaption>جماهير الهلال في المدرجات'
        "</figcaption></figure>"
    ) in body
    # [gallery ids]: one figure per attachment, captioned.
    assert "goal.jpg" in body and "<figcaption>لحظة الهدف الثاني</figcaption>" in body
    # [embed]: a link to what was embedded.
    assert 'href="https://www.youtube.com/watch?v=abc123"' in body
    # An unknown wrapper keeps its words; an unknown lone shortcode goes; [[x]] is literal.
    assert "<p>قال المدرب: كان فوزاً مستحقاً.</p>" in body
    assert "pullquote" not in body and "adsense" not in body
    assert "هذا [<bdi>gallery</bdi>] مثال" in body and "[مصدر: الاتحاد]" in body
    # The featured image leads the story.
    assert body.startswith(
        '<figure><img src="https://old.example.org/wp-content/uploads/2019/05/stadium.jpg"'
    )
    # [gallery] without ids shows the post's own attachments, as WordPress does.
    assert "barrel.jpg" in article(102).body
    # The excerpt is the standfirst, as text.
    assert article(101).standfirst == "ديربي الرياض ينتهي بفوز الهلال."


def test_categories_tags_and_authors(newsroom_export, import_wordpress):
    import_wordpress(newsroom_export)

    derby = article(101)
    assert (derby.section.slug, derby.section.name) == ("football", "كرة القدم")
    assert sorted(derby.tags.values_list("name", flat=True)) == ["اقتصاد", "الهلال", "ديربي"]
    assert derby.tags.get(name="الهلال").slug == "الهلال"
    assert [a.name for a in derby.byline_authors] == ["سلمى العتيبي"]
    assert [a.name for a in article(102).byline_authors] == ["فهد القحطاني"]
    assert article(102).section.name == "اقتصاد"
    # A post without a category goes to «أخبار».
    assert article(104).section.name == "أخبار"


def test_a_category_can_be_filed_in_an_existing_section(newsroom_export, import_wordpress):
    sports = Section.objects.create(slug="sports", name="الرياضة")

    import_wordpress(newsroom_export, "--section", "football=sports")

    assert article(101).section == sports
    assert not Section.objects.filter(slug="football").exists()


def test_wxr_1_1_exports_read_the_same(newsroom_export, import_wordpress, tmp_path):
    older = tmp_path / "wxr-1.1.xml"
    older.write_text(
        newsroom_export.read_text(encoding="utf-8")
        .replace("wordpress.org/export/1.2/", "wordpress.org/export/1.1/")
        .replace("<wp:wxr_version>1.2<", "<wp:wxr_version>1.1<"),
        encoding="utf-8",
    )

    import_wordpress(older)

    assert article(101).status == "published"
    assert article(101).standfirst == "ديربي الرياض ينتهي بفوز الهلال."
    assert article(101).comments.count() == 6


def test_images_from_a_host_the_site_does_not_allow_are_reported_not_left_half_shown(
    newsroom_export, import_wordpress
):
    report = import_wordpress(newsroom_export)

    assert "old.example.org ×" in report
    assert "SAHAFA_IMAGE_HOSTS" in report
    for body in Article.objects.values_list("body", flat=True):
        assert "old.example.org/wp-content" not in body
        assert "<figure><figcaption>" not in body
