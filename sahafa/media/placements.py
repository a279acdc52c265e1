"""Where a library image appears: as an article's lead image (a `LeadImage`), or in a body
(an `<img>` whose source is the image's file)."""

from django.db.models import Q

from sahafa.articles.changes import announce
from sahafa.articles.models import Article

from .models import LeadImage


def articles_showing(image):
    """Ids of the articles that show `image`, public or not."""
    return set(
        Article.objects.filter(
            Q(library_lead__image=image) | Q(body__contains=image.file.url)
        ).values_list("pk", flat=True)
    )


def announce_pages_showing(image, reason):
    announce(articles_showing(image), reason)


def mirror_lead(placement):
    """The article's own lead image fields follow the library image, so everything that
    reads them (cards, feeds, the API, share cards) shows it without knowing the library."""
    image = placement.image
    Article.objects.filter(pk=placement.article_id).update(
        lead_image=image.file.name, lead_image_caption=image.caption, lead_image_credit=image.credit
    )
    announce([placement.article_id], "lead-image")


def mirror_all_leads(image):
    for placement in LeadImage.objects.filter(image=image).select_related("image"):
        mirror_lead(placement)


def unmirror_lead(placement):
    Article.objects.filter(pk=placement.article_id, lead_image=placement.image.file.name).update(
        lead_image="", lead_image_caption="", lead_image_credit=""
    )
    announce([placement.article_id], "lead-image")
