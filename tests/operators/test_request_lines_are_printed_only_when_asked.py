"""An operator behind the shipped nginx has every request in nginx's access log; `sahafa
serve` prints its own line per request only when asked (SAHAFA_ACCESS_LOG, or `sahafa
demo`, whose console shows the visitor's requests)."""

import pytest

from tests.servers import get

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.deploy]


def request_lines(processes, port, path):
    log = (processes.folder / f"sahafa-{port}.log").read_text()
    return [line for line in log.splitlines() if f'"GET {path}' in line]


def test_a_server_prints_no_line_per_request_unless_the_operator_asks(processes):
    quiet, _ = processes.sahafa()
    chatty, _ = processes.sahafa(SAHAFA_ACCESS_LOG="yes")
    assert get(quiet, "/no-such-page-quiet/").status == 404
    assert get(chatty, "/no-such-page-chatty/").status == 404

    # granian writes the line after the answer: read the logs once both servers have ended.
    processes.stop()

    assert request_lines(processes, quiet, "/no-such-page-quiet/") == []
    [line] = request_lines(processes, chatty, "/no-such-page-chatty/")
    assert " 404 " in line
