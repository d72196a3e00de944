from __future__ import annotations

import pytest

from confiance.ingest.email import iter_mbox, parse_eml
from confiance.ingest.errors import IngestError
from tests.ingest.conftest import FIXTURES


def test_gmail_reply_separates_new_text_quote_signature_and_attachment(fixture_bytes):
    mail = parse_eml(fixture_bytes("gmail_reply.eml"), "gmail_reply.eml")
    assert mail.message_id == "CAH4mZq9Lw3=renewal-2@mail.gmail.com"
    assert mail.sender == ("Claire Dubois", "claire.dubois@northwind.example")
    assert mail.cc == [("Paul Léroy", "paul.leroy@northwind.example")]
    assert mail.body_text.endswith("pouvez-vous détailler ce qui est inclus ?")
    assert "proposition de renouvellement" not in mail.body_text
    assert "proposition de renouvellement" in mail.quoted_text
    assert mail.quoted_text.startswith("Le lun. 16 nov. 2026")
    assert mail.signature == "Bien cordialement,\nClaire"
    assert mail.attachments == [("Devis-2027.pdf", "application/pdf", 52)]
    assert mail.thread_key == "CAJ8x2kP0rT=renewal-1@mail.gmail.com"
    assert mail.date.isoformat() == "2026-11-17T09:42:13+01:00"


def test_outlook_reply_in_windows_1252_quoted_printable(fixture_bytes):
    mail = parse_eml(fixture_bytes("outlook_reply.eml"), "outlook_reply.eml")
    assert "I’ll bring the detail of what each offer includes – support" in mail.body_text
    assert mail.quoted_text.startswith("________________________________\nFrom: Claire Dubois")
    assert mail.signature.startswith("Best regards,\nSophie Martin")
    assert "+33" not in mail.body_text
    # The same thread as the Gmail messages it answers.
    assert mail.thread_key == "CAJ8x2kP0rT=renewal-1@mail.gmail.com"


def test_html_only_latin1_base64_body_becomes_text(fixture_bytes):
    mail = parse_eml(fixture_bytes("html_only.eml"), "html_only.eml")
    assert mail.html_only
    assert mail.subject == "Re\xa0: Proposition révisée"
    assert mail.sender == ("Paul Léroy", "paul.leroy@northwind.example")
    assert "Le comité se réunit le 3 décembre" in mail.body_text
    assert "<div" not in mail.body_text
    assert "voici notre proposition" in mail.quoted_text
    assert "Directeur des achats" in mail.signature


def test_thunderbird_mbox_is_streamed_in_order():
    messages = list(iter_mbox(FIXTURES / "thunderbird.mbox"))
    assert [m.sender[1] for m in messages] == [
        "sophie.martin@confiance.example",
        "claire.dubois@northwind.example",
        "sophie.martin@confiance.example",
    ]
    # mboxrd escaping is undone and the "-- " signature split off.
    assert "\nFrom our side, nothing changes" in messages[0].body_text
    assert messages[0].signature == "Sophie Martin\nConfiance Solutions"
    assert "augmenté de 12 %" in messages[1].body_text
    assert messages[2].quoted_text.startswith("Le 17/11/2026 à 09:42, Claire Dubois a écrit")


def test_truncated_mbox_names_the_message_and_line(tmp_path):
    data = (FIXTURES / "thunderbird.mbox").read_bytes()
    broken = tmp_path / "archive.mbox"
    broken.write_bytes(data[: data.rindex(b"Bonne question") + 20])
    with pytest.raises(IngestError) as caught:
        list(iter_mbox(broken))
    assert "message 3" in str(caught.value)
    assert "truncated" in str(caught.value)
    assert caught.value.filename == "archive.mbox"


def test_a_truncated_multipart_names_the_part(fixture_bytes):
    data = fixture_bytes("gmail_reply.eml")
    with pytest.raises(IngestError) as caught:
        parse_eml(data[: data.index(b"Content-Type: application/pdf")], "cut.eml")
    assert caught.value.part == "1"
    assert "closing boundary is missing" in str(caught.value)


def test_deeply_nested_multiparts_are_refused_with_the_part():
    depth = 40
    head = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth)
    )
    tail = "".join(f"\n--b{i}--\n" for i in reversed(range(depth)))
    data = f"From: a@b.example\nSubject: x\n{head}Content-Type: text/plain\n\nhi\n{tail}".encode()
    with pytest.raises(IngestError, match="nested deeper"):
        parse_eml(data, "nested.eml")


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "not an e-mail"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"", "empty file"),
        (b"X-Custom: 1\n\nhello", "none of From"),
    ],
)
def test_files_that_are_not_mail_are_refused(data, needle):
    with pytest.raises(IngestError, match=needle):
        parse_eml(data, "thing.eml")


def test_a_file_that_is_not_an_mbox_is_refused(tmp_path):
    path = tmp_path / "notes.mbox"
    path.write_text("Subject: hello\n\nbody\n")
    with pytest.raises(IngestError, match="not an mbox archive"):
        list(iter_mbox(path))


def test_an_unescaped_from_line_in_a_body_does_not_split_the_message(tmp_path):
    path = tmp_path / "old.mbox"
    path.write_bytes(
        b"From alice@example.com Mon Nov 16 18:05:12 2026\n"
        b"From: Alice <alice@example.com>\nSubject: hi\n\nFirst line.\n\n"
        b"From my side, nothing changes.\n\n"
        b"From bob@example.com Tue Nov 17 09:00:00 2026\n"
        b"From: Bob <bob@example.com>\nSubject: re\n\nOk.\n"
    )
    messages = list(iter_mbox(path))
    assert len(messages) == 2
    assert messages[0].body_text.endswith("From my side, nothing changes.")
