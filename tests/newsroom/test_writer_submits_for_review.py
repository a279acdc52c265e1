"""A writer files a story from the newsroom's «add article» page and sends it to the desk."""

import pytest
from django.urls import reverse

from sahafa.articles.models import Article
from tests.factories import make_author, make_section

from .admin_form import form_fields

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def test_the_writer_files_a_story_with_two_bylines_and_submits_it(writer, announced):
    section = make_section("محليات")
    first, second = make_author("نورة القحطاني"), make_author("فهد العتيبي")
    data = form_fields(writer.get(ADD_URL))
    data.update(
        {
            "kicker": "بعد سنوات من الانتظار",
            "headline": "افتتاح مترو الرياض أمام الركاب",
            "body": "<p>افتُتح المترو صباح اليوم.</p>",
            "section": str(section.pk),
            "byline_set-TOTAL_FORMS": "2",
            "byline_set-0-author": str(second.pk),
            "byline_set-0-order": "1",
            "byline_set-1-author": str(first.pk),
            "byline_set-1-order": "0",
            "_submit_for_review": "1",
        }
    )

    response = writer.post(ADD_URL, data, follow=True)

    assert response.status_code == 200
    article = Article.objects.get(headline="افتتاح مترو الرياض أمام الركاب")
    assert article.created_by == writer.user
    assert article.slug == "افتتاح-مترو-الرياض-أمام-الركاب"
    assert article.byline_authors == [first, second]
    assert article.status == Article.Status.REVIEW
    assert article.log_entries.get().user == writer.user
    assert announced == [("submitted", article.pk)]
    assert "أُرسل المقال إلى المحررين للمراجعة." in [str(m) for m in response.context["messages"]]
    # Now it is on the editors' desk: the writer reads it but no longer edits it.
    change_page = writer.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert change_page.status_code == 200
    assert 'name="headline"' not in change_page.content.decode()
    assert 'name="_submit_for_review"' not in change_page.content.decode()


def test_a_story_without_a_headline_is_refused_and_the_text_is_kept(writer, announced):
    data = form_fields(writer.get(ADD_URL))
    data.update(
        {
            "body": "<p>نص طويل كتبه الكاتب ولا يريد أن يفقده.</p>",
            "section": str(make_section().pk),
            "_submit_for_review": "1",
        }
    )

    response = writer.post(ADD_URL, data)

    assert response.status_code == 200
    assert "هذا الحقل مطلوب." in response.content.decode()
    assert "نص طويل كتبه الكاتب ولا يريد أن يفقده." in response.content.decode()
    assert not Article.objects.exists()
    assert announced == []
