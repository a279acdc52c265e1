"""One signal per article state change. Search, related lists and cache purging
subscribe in their AppConfig.ready(); every signal is sent with `article` and `by`."""

from django.dispatch import Signal

article_submitted = Signal()
article_published = Signal()  # also sent when an article is scheduled
article_unpublished = Signal()
article_archived = Signal()
article_returned = Signal()
# Sent by bulk paths (the importer) once per committed batch, with `articles`.
articles_imported = Signal()
