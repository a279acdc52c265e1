"""Listing pages count their articles without counting a whole section per request: the
count is kept in the cache under the listing's surrogate key (`section-4`), forgotten when
an article it may count changes, and recounted at most once a minute otherwise."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_SECONDS = 60


def _count_key(key):
    return f"listing-count:{key}"


class CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, key):
        super().__init__(object_list, per_page)
        self.key = key

    @cached_property
    def count(self):
        return cache.get_or_set(
            _count_key(self.key), lambda: Paginator.count.func(self), COUNT_SECONDS
        )


def forget_counts(sender, keys, **kwargs):
    cache.delete_many([_count_key(key) for key in keys])
