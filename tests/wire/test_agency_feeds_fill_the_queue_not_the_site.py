"""The agencies' feeds — واس in RSS, أ ف ب in Atom, رويترز in NINJS — are polled into the
newsroom's wire queue: editors see each item with its agency and time, nothing reaches
readers."""

import pytest

from sahafa.articles.models import Article
from sahafa.wire import tasks
from sahafa.wire.models import WireItem

pytestmark = pytest.mark.django_db


def test_the_scheduled_poll_files_every_agency_s_items_in_the_queue(three_agencies):
    tasks.poll_due_feeds.enqueue()

    queue = {(item.feed.name, item.headline) for item in WireItem.objects.all()}
    assert queue == {
        ("واس", "ولي العهد يستقبل رئيس وزراء اليابان في الرياض"),
        ("واس", "الأرصاد: أمطار رعدية على منطقة مكة المكرمة حتى مساء الغد"),
        ("أ ف ب", "السعودية واليابان تبحثان تعزيز التعاون خلال زيارة رئيس الوزراء الياباني"),
        ("أ ف ب", "أسعار النفط ترتفع مع تراجع المخزونات الأمريكية"),
        ("رويترز", "المركزي الأوروبي يبقي أسعار الفائدة دون تغيير للمرة الثالثة"),
        ("رويترز", "الذهب يستقر قرب أعلى مستوياته مع ترقب بيانات الوظائف"),
    }
    assert not Article.objects.exists()


def test_each_format_keeps_its_text_and_the_agency_s_time(three_agencies):
    tasks.poll_due_feeds.enqueue()

    gold = WireItem.objects.get(guid="urn:reuters:ar:gold-2026-11-29")
    assert gold.body == (
        "<p>استقرت أسعار الذهب في المعاملات الفورية قرب أعلى مستوى لها في شهر.</p>"
        "<p>ويترقب المستثمرون بيانات الوظائف الأمريكية لتحديد مسار أسعار الفائدة.</p>"
    )
    assert gold.sent_at.isoformat() == "2026-11-29T01:20:00+00:00"
    ecb = WireItem.objects.get(guid="urn:reuters:ar:ecb-rates-2026-11-29")
    assert ecb.summary == "قرار متوقع وسط تباطؤ التضخم في منطقة اليورو"
    oil = WireItem.objects.get(guid="urn:afp:newsml:ar:20261129:oil")
    assert oil.link == "https://afp.example/oil"
    assert oil.summary == ""  # the Atom entry has content and no summary
    assert oil.sent_at.isoformat() == "2026-11-29T05:40:00+00:00"
    visit = WireItem.objects.get(guid="spa-2031")
    assert visit.sent_at.isoformat() == "2026-11-29T05:10:00+00:00"
    assert visit.body.count("<p>") == 3


def test_the_agency_s_markup_is_sanitized_in_the_queue(three_agencies):
    tasks.poll_due_feeds.enqueue()

    rain = WireItem.objects.get(guid="spa-2032")
    assert "مجاري السيول" in rain.body
    assert "<script" not in rain.body
    assert "onclick" not in rain.body
    assert "javascript:" not in rain.body


def test_editors_see_the_queue_with_agency_and_hijri_date(three_agencies, editor):
    tasks.poll_due_feeds.enqueue()

    page = editor.get("/admin/wire/wireitem/").content.decode()

    assert "ولي العهد يستقبل رئيس وزراء اليابان في الرياض" in page
    assert "رويترز" in page
    # Sent 29 November 2026 (Gregorian), 18 Jumada al-Akhirah 1448 (Hijri), Cairo time.
    assert "29 نوفمبر 2026" in page
    assert "جمادى الآخرة 1448 هـ" in page
