"""`sahafa related --rebuild` recomputes every list; an import computes its batches' lists
in bulk, as the newsroom's own publishing would."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sahafa.imports.importer import import_records
from sahafa.related.models import Fingerprint, RelatedArticle

from .conftest import hours_ago, publish_story, shown_for
from .stories import CUP_CELEBRATION, CUP_FINAL, CUP_FOLLOW_UPS, paragraphs


def stored_lists():
    return sorted(RelatedArticle.objects.values_list("article", "related", "rank"))


def test_a_rebuild_restores_the_lists_publishing_built(sports, background):
    final = publish_story(CUP_FINAL, section=sports, published_at=hours_ago(10))
    for number, story in enumerate([CUP_CELEBRATION, *CUP_FOLLOW_UPS]):
        publish_story(story, section=sports, published_at=hours_ago(9 - number))
    shown_before = shown_for(final)
    RelatedArticle.objects.all().delete()

    output = StringIO()
    call_command("related", "--rebuild", stdout=output, stderr=StringIO())

    # Publishing weighs terms by the statistics of its day, a rebuild by today's: the
    # lists may differ in their tails, not in what they are about.
    assert shown_for(final)[0] == shown_before[0]
    assert len(set(shown_for(final)) & set(shown_before)) >= 3
    assert "أُعيد بناء" in output.getvalue()
    assert Fingerprint.objects.count() == len(background) + 6
    rebuilt = stored_lists()
    call_command("related", "--rebuild", verbosity=0, stdout=StringIO())
    assert stored_lists() == rebuilt


def test_the_command_says_what_it_needs(db):
    try:
        call_command("related", stdout=StringIO())
    except CommandError as error:
        assert "--rebuild" in str(error)
    else:
        raise AssertionError("the command ran without being told what to do")


def wire_record(url, story, date="2015-07-21 10:00:00"):
    return {
        "source": "sabq",
        "url": url,
        "date_extracted": date,
        "title": story["headline"],
        "author": "",
        "content": "\n".join(
            part.removeprefix("<p>") for part in story["body"].split("</p>") if part
        ),
    }


def test_imported_articles_get_lists_in_bulk(db, background):
    import_and_check_the_cup_final()


def test_import_batches_committed_one_after_another_build_on_each_other(
    transactional_db, newsroom_roles_kept
):
    # Committed batches let the engine carry its in-memory collection to the next batch.
    import_and_check_the_cup_final()


def import_and_check_the_cup_final():
    records = [
        wire_record("https://sabq.example/final", CUP_FINAL, "2015-07-21 10:00:00"),
        wire_record("https://sabq.example/party", CUP_CELEBRATION, "2015-07-21 23:00:00"),
        # The same agency story under another newspaper's headline.
        wire_record(
            "https://okaz.example/final",
            {"headline": "النصر يخسر النهائي", "body": CUP_FINAL["body"]},
            "2015-07-21 11:00:00",
        ),
    ]

    import_records(records, batch_size=2)

    from sahafa.articles.models import Article

    final = Article.objects.get(source_url="https://sabq.example/final")
    copy = Article.objects.get(source_url="https://okaz.example/final")
    party = Article.objects.get(source_url="https://sabq.example/party")
    assert shown_for(final)[0] == party
    assert shown_for(copy)[0] == party
    assert shown_for(party)[0] in (final, copy)
    assert not {final, copy} <= set(shown_for(party))


def test_a_new_story_needs_no_rebuild_to_reach_imported_ones(db, sports, background):
    import_records(
        [wire_record("https://sabq.example/final", CUP_FINAL)],
        batch_size=10,
    )
    celebration = publish_story(
        {"headline": CUP_CELEBRATION["headline"], "body": paragraphs("جماهير الهلال")},
        section=sports,
    )

    from sahafa.articles.models import Article

    final = Article.objects.get(source_url="https://sabq.example/final")
    assert shown_for(celebration) == [final]
    assert shown_for(final) == [celebration]


@pytest.mark.parametrize(
    "knob",
    [
        # A large collection is analyzed and listed on every core.
        ("PARALLEL_FROM", 1),
        # A large collection is listed a few rows at a time (each row's cosines with every
        # article are a dense array): the lists must not depend on how many go together.
        ("COSINE_CELLS", 1),
    ],
    ids=["on-every-core", "one-row-at-a-time"],
)
def test_a_large_rebuild_splits_its_work_with_the_same_result(
    sports, background, monkeypatch, knob
):
    from sahafa.related import engine

    for number, story in enumerate([CUP_FINAL, CUP_CELEBRATION, *CUP_FOLLOW_UPS]):
        publish_story(story, section=sports, published_at=hours_ago(9 - number))
    call_command("related", "--rebuild", verbosity=0, stdout=StringIO())
    in_one_go = stored_lists()
    RelatedArticle.objects.all().delete()

    monkeypatch.setattr(engine, *knob)
    call_command("related", "--rebuild", verbosity=0, stdout=StringIO())

    assert stored_lists() == in_one_go
