"""Aggregators fetch many feeds at once from one worker's threads: each feed says it is
itself (its atom:link rel="self"), never the feed another thread was serving."""

import threading
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from tests.factories import make_article, make_section, make_tag

ATOM_LINK = "{http://www.w3.org/2005/Atom}link"
ROUNDS = 15


@pytest.fixture
def feeds(transactional_db, newsroom_roles_kept):
    """The addresses of a handful of feeds, each with a story in it; committed, so the
    readers' threads (each with its own database connection) see them."""
    addresses = ["/feeds/"]
    for n, name in enumerate(["سياسة", "اقتصاد", "رياضة", "ثقافة"]):
        section = make_section(name, slug=f"section-{n}")
        tag = make_tag(f"وسم {n}")
        make_article(f"خبر في {name}", section=section, tags=[tag])
        addresses += [f"/feeds/{section.slug}/", f"/feeds/tag/{tag.slug}/"]
    return addresses


def self_link(response):
    channel = ElementTree.fromstring(response.content).find("channel")
    return unquote(channel.find(ATOM_LINK).get("href"))


def test_each_concurrent_reader_gets_the_self_link_of_the_feed_it_asked_for(feeds):
    start = threading.Barrier(len(feeds))
    mixed_up = []

    def read(address):
        client = Client()
        try:
            start.wait()
            for round_ in range(ROUNDS):
                # A fresh query string each round: a cached feed would not run the view.
                response = client.get(address, {"round": round_})
                said = self_link(response) if response.status_code == 200 else response
                if said != settings.SAHAFA_BASE_URL + address:
                    mixed_up.append((address, said))
        finally:
            connections.close_all()

    readers = [threading.Thread(target=read, args=(address,)) for address in feeds]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()

    assert mixed_up == []
