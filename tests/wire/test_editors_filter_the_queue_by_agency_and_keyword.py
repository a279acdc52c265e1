"""Editors narrow the queue to one agency, or to a keyword: the keyword is matched through
the Arabic normalizer, so «الامطار» finds «أمطار» and «الفائده» finds «الفائدة»."""

import pytest

from sahafa.wire import tasks

pytestmark = pytest.mark.django_db

RAIN = "الأرصاد: أمطار رعدية على منطقة مكة المكرمة حتى مساء الغد"
ECB = "المركزي الأوروبي يبقي أسعار الفائدة دون تغيير للمرة الثالثة"
GOLD = "الذهب يستقر قرب أعلى مستوياته مع ترقب بيانات الوظائف"


@pytest.fixture
def queue(three_agencies):
    tasks.poll_due_feeds.enqueue()
    return three_agencies


def headlines_on(page, *candidates):
    return {headline for headline in candidates if headline in page.content.decode()}


def test_the_queue_filtered_by_agency(queue, editor):
    reuters = queue[2]

    page = editor.get(f"/admin/wire/wireitem/?feed__id__exact={reuters.pk}")

    assert headlines_on(page, RAIN, ECB, GOLD) == {ECB, GOLD}


def test_the_queue_filtered_by_keyword_whatever_the_spelling(queue, writer):
    assert headlines_on(writer.get("/admin/wire/wireitem/?q=امطار"), RAIN, ECB, GOLD) == {RAIN}
    assert headlines_on(writer.get("/admin/wire/wireitem/?q=الفائده"), RAIN, ECB, GOLD) == {
        ECB,
        GOLD,  # «مسار أسعار الفائدة» is in its text
    }
    assert headlines_on(writer.get("/admin/wire/wireitem/?q=الفائده اليورو"), ECB, GOLD) == {ECB}
