import pytest


@pytest.fixture(autouse=True)
def newsroom_database(db):
    """Every reader story needs the newsroom's database."""
