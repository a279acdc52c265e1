import pytest

from .browsers import PushService


@pytest.fixture
def push_service(settings):
    """A push service on loopback, the only one the site may send to in the story."""
    with PushService() as service:
        settings.SAHAFA_PUSH_SERVICES = [service.origin]
        yield service
