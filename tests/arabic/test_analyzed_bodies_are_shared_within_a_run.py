"""Within one bulk run a body's terms are handed over once; a body that changed is not."""

from sahafa.arabic import analyze, plain_text, sharing

BODY = "<p>أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها.</p><p>ويضم المستشفى مئتي سرير.</p>"


def test_a_kept_body_is_taken_once_and_only_within_the_run():
    terms = " ".join(sharing.body_terms(BODY))
    assert terms.split() == analyze(plain_text(BODY))

    sharing.keep(BODY, terms)
    assert sharing.take(BODY) is None  # outside a run nothing is kept

    with sharing.sharing_bodies():
        sharing.keep(BODY, terms)
        with sharing.sharing_bodies():
            assert sharing.take(BODY) == terms
        assert sharing.take(BODY) is None  # taken: forgotten
        sharing.keep(BODY, terms)
    with sharing.sharing_bodies():
        assert sharing.take(BODY) is None


def test_a_body_edited_between_phases_is_analyzed_afresh():
    with sharing.sharing_bodies():
        sharing.keep(BODY, " ".join(sharing.body_terms(BODY)))
        assert sharing.take(BODY.replace("أبها", "جدة")) is None
