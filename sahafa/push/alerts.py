"""The one verb of push alerts: an editor sends a «عاجل» alert about a public article.

`send_alert` checks who asks (editors: `articles.publish_article`), stores the `Alert`,
writes the article's history line and, after the commit, enqueues its delivery
(`tasks.deliver_alert`). An article gets one alert: a second click, or two editors at
once, send nothing more."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sahafa.articles.models import ArticleLogEntry

from .models import Alert

HISTORY_ACTION = "push_alert"
TITLE_PREFIX = "عاجل"


def enabled():
    return bool(settings.SAHAFA_VAPID_PRIVATE_KEY)


def may_send(user):
    return user is not None and user.has_perm("articles.publish_article")


def send_alert(article, by):
    """Alert every subscribed reader to `article`; the stored Alert."""
    from . import tasks

    if not may_send(by):
        raise PermissionDenied(_("Only editors can send breaking-news alerts."))
    if not enabled():
        raise ValidationError(_("Push alerts are off: SAHAFA_VAPID_PRIVATE_KEY is not set."))
    if not article.is_public:
        raise ValidationError(_("Only a published article can be sent as an alert."))
    if Alert.objects.filter(article=article).exists():
        raise ValidationError(_("An alert was already sent for this article."))
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                article=article,
                title=f"{TITLE_PREFIX}: {article.headline}",
                body=article.summary(150),
                url=settings.SAHAFA_BASE_URL + article.get_absolute_url(),
                sent_by=by,
            )
            ArticleLogEntry.objects.create(
                article=article, action=HISTORY_ACTION, user=by, note=alert.title[:300]
            )
            transaction.on_commit(lambda: tasks.deliver_alert.enqueue(alert.pk))
    except IntegrityError:  # another editor's click won
        raise ValidationError(_("An alert was already sent for this article.")) from None
    return alert
