from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from confiance.accounts.models import Account, AccountKind, Contact
from confiance.imports.models import EmailMessage
from confiance.imports.services import import_file
from confiance.interactions.models import Interaction, InteractionKind


def test_mbox_creates_email_interactions_matched_to_contacts_and_users(
    fixture_path, account, claire, paul, seller_with_address
):
    report = import_file(fixture_path("thunderbird.mbox"), user=seller_with_address)
    assert report.ok, report.error
    assert report.created["email"] == 3
    emails = list(Interaction.objects.filter(kind=InteractionKind.EMAIL).order_by("occurred_at"))
    # No --account: the account came from the known contact on the messages.
    assert {e.account for e in emails} == {account}
    assert list(emails[1].contacts.all()) == [claire]
    assert list(emails[0].users.all()) == [seller_with_address]
    assert emails[0].body.endswith("nothing changes in the support terms.")
    assert "Sophie Martin" not in emails[0].body  # the signature is not the text
    # The unknown Cc is reported, not created.
    assert report.unknown == {"nobody.known@elsewhere.example": 1}
    assert not Contact.objects.filter(email="nobody.known@elsewhere.example").exists()


def test_a_thread_is_kept_together_even_without_references(fixture_path, account, claire):
    import_file(fixture_path("thunderbird.mbox"), user=account.owner)
    keys = set(EmailMessage.objects.values_list("thread_key", flat=True))
    # The third message names only its parent (In-Reply-To) yet joins the same thread.
    assert keys == {"CAJ8x2kP0rT=renewal-1@mail.gmail.com"}


def test_the_coach_reads_each_new_text(fixture_path, account, claire):
    import_file(fixture_path("thunderbird.mbox"), user=account.owner)
    email = Interaction.objects.get(external_id="CAH4mZq9Lw3=renewal-2@mail.gmail.com")
    assert email.analysis["lang"] == "fr"
    assert email.tone == email.analysis["tone"]
    assert email.language == "fr"


def test_importing_twice_creates_nothing_new(fixture_path, account, claire):
    path = fixture_path("thunderbird.mbox")
    import_file(path, user=account.owner)
    again = import_file(path, user=account.owner)
    assert again.ok
    assert sum(again.created.values()) == 0
    assert again.skipped == {"already imported": 3}
    assert Interaction.objects.count() == 3


def test_eml_reply_joins_the_thread_of_the_mbox(fixture_path, account, claire):
    import_file(fixture_path("thunderbird.mbox"), user=account.owner)
    report = import_file(fixture_path("outlook_reply.eml"), user=account.owner, account=account)
    assert report.created["email"] == 1
    message = EmailMessage.objects.get(interaction__source="eml")
    assert message.thread_key == "CAJ8x2kP0rT=renewal-1@mail.gmail.com"


def test_unknown_addresses_become_contacts_on_request(fixture_path, account, claire):
    report = import_file(fixture_path("gmail_reply.eml"), user=account.owner, create_contacts=True)
    assert report.created["contact"] == 2  # Paul in Cc and Sophie (no such user)
    paul = Contact.objects.get(email="paul.leroy@northwind.example")
    assert paul.name == "Paul Léroy"
    assert paul.account == account
    assert paul in Interaction.objects.get().contacts.all()


def test_attachments_are_listed_not_stored(fixture_path, account):
    import_file(fixture_path("gmail_reply.eml"), user=account.owner, account=account)
    message = EmailMessage.objects.get()
    assert message.attachments == [
        {"filename": "Devis-2027.pdf", "content_type": "application/pdf", "size": 52}
    ]


def test_a_truncated_mbox_leaves_the_database_unchanged(fixture_path, account, claire):
    path = fixture_path("thunderbird.mbox")
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"Bonne question") + 10])
    report = import_file(path, user=account.owner)
    assert "thunderbird.mbox, line" in report.error
    assert "message 3" in report.error
    assert Interaction.objects.count() == 0
    assert EmailMessage.objects.count() == 0
    assert sum(report.created.values()) == 0


def test_messages_without_a_known_account_are_skipped_with_a_reason(fixture_path, seller):
    report = import_file(fixture_path("thunderbird.mbox"), user=seller)
    assert report.ok
    assert report.skipped["no account: no known contact on the message (give --account)"] == 3


def test_a_dry_run_saves_nothing_but_reports(fixture_path, account, claire):
    report = import_file(fixture_path("thunderbird.mbox"), user=account.owner, dry_run=True)
    assert report.created["email"] == 3
    assert "dry run" in report.summary()
    assert Interaction.objects.count() == 0


def test_another_teams_account_is_refused(fixture_path, outsider, account):
    with pytest.raises(PermissionDenied):
        import_file(fixture_path("gmail_reply.eml"), user=outsider, account=account)


def test_contacts_of_accounts_the_user_cannot_see_are_not_matched(
    fixture_path, outsider, other_team, claire
):
    mine = Account.objects.create(
        name="Olga's", kind=AccountKind.PROSPECT, owner=outsider, team=other_team
    )
    report = import_file(fixture_path("gmail_reply.eml"), user=outsider, account=mine)
    email = Interaction.objects.get()
    assert email.contacts.count() == 0
    assert "claire.dubois@northwind.example" in report.unknown


def test_two_worker_processes_import_the_same_as_one(fixture_path, account, claire):
    report = import_file(fixture_path("thunderbird.mbox"), user=account.owner, workers=2)
    assert report.created["email"] == 3
    assert Interaction.objects.filter(analysis__isnull=False, tone__isnull=False).count() == 3


def test_users_of_another_team_are_not_named_on_the_message(
    fixture_path, account, claire, outsider
):
    outsider.email = "sophie.martin@confiance.example"
    outsider.save()
    import_file(fixture_path("thunderbird.mbox"), user=account.owner)
    assert not Interaction.objects.filter(users=outsider).exists()
