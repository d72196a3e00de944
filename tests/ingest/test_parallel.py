from __future__ import annotations

import pytest

from confiance.ingest.errors import IngestError
from confiance.ingest.parallel import analysed_mbox
from tests.ingest.conftest import FIXTURES


def test_two_workers_give_the_same_messages_and_readings_in_order():
    one = list(analysed_mbox(FIXTURES / "thunderbird.mbox", workers=1))
    two = list(analysed_mbox(FIXTURES / "thunderbird.mbox", workers=2))
    assert [m.message_id for m, _r in two] == [m.message_id for m, _r in one]
    assert [r for _m, r in two] == [r for _m, r in one]
    assert two[1][1][1]["lang"] == "fr"


def test_an_error_in_a_worker_names_file_message_and_line(tmp_path):
    data = (FIXTURES / "thunderbird.mbox").read_bytes()
    broken = tmp_path / "archive.mbox"
    # Message 2 loses its headers: not an e-mail any more.
    start = data.index(b"From - Tue")
    end = data.index(b"\n\n", start)
    broken.write_bytes(data[: data.index(b"\n", start) + 1] + b"%%garbage\n" + data[end:])
    with pytest.raises(IngestError) as caught:
        list(analysed_mbox(broken, workers=2))
    # The separator of message 2 is on line 25 of the archive; the message starts below.
    assert caught.value.line == 26
    assert str(caught.value).startswith("archive.mbox, line 26: message 2: not an e-mail")
    with pytest.raises(IngestError) as alone:
        list(analysed_mbox(broken, workers=1))
    assert str(alone.value) == str(caught.value)
    # The worker sends the message whole, not its English words: French still works.
    assert caught.value.render("fr") == alone.value.render("fr")
    assert caught.value.render("fr").startswith(
        "archive.mbox, ligne 26\u00a0: message 2\u00a0: ce n’est pas un e-mail"
    )
