"""Old and cut links still work: a changed headline, a moved article or a share link answers
301 to the article's one canonical address."""

from tests.factories import make_article, make_section


def test_an_edited_headline_keeps_the_old_link_working(reader):
    article = make_article("البرلمان يقر القانون")
    old_url = article.get_absolute_url()
    article.headline, article.slug = "البرلمان يقر قانون الانتخاب بأغلبية 87 صوتاً", ""
    article.save()

    response = reader.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_a_link_without_the_slug_redirects(reader):
    article = make_article("البرلمان يقر القانون")

    response = reader.get(f"/{article.section.slug}/{article.pk}/")

    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())


def test_an_article_moved_to_another_section_redirects(reader):
    article = make_article("منتخب الشباب يتأهل", section=make_section("سياسة", slug="politics"))
    article.section = make_section("رياضة", slug="sports")
    article.save()

    response = reader.get(f"/politics/{article.pk}/{article.slug}/")

    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())
    assert response["Location"].startswith("/sports/")


def test_the_short_share_link_redirects_to_the_article(reader):
    article = make_article("البرلمان يقر القانون")

    response = reader.get(f"/a/{article.pk}")

    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())


def test_a_drafts_preview_link_is_not_redirected_permanently(editor):
    draft = make_article("مسودة", published=False)

    response = editor.get(f"/{draft.section.slug}/{draft.pk}/wrong-slug/")

    assert (response.status_code, response["Location"]) == (302, draft.get_absolute_url())
