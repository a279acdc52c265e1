"""The WordPress stories' exports and command runner, shared with the export stories."""

from tests.wordpress.conftest import import_wordpress, newsroom_export  # noqa: F401
