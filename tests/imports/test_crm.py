from __future__ import annotations

from decimal import Decimal

from confiance.accounts.models import Account, AccountKind, Contact, SizeBand
from confiance.deals.models import FollowUpPlan, Opportunity, Outcome
from confiance.imports.services import import_file


def test_hubspot_companies_contacts_and_deals(fixture_path, seller):
    for name in ("hubspot_companies.csv", "hubspot_contacts.csv", "hubspot_deals.csv"):
        report = import_file(fixture_path(name), user=seller)
        assert report.ok, report.error
    northwind = Account.objects.get(name="Northwind Traders")
    assert (northwind.kind, northwind.country, northwind.size_band) == (
        AccountKind.CUSTOMER,
        "FR",
        SizeBand.LARGE,
    )
    assert northwind.owner == seller
    assert Account.objects.get(name="Contoso Énergie").kind == AccountKind.PROSPECT
    assert set(northwind.contacts.values_list("name", flat=True)) == {"Claire Dubois", "Paul Léroy"}
    lost = Opportunity.objects.get(title="Northwind – extension formation")
    assert lost.outcome == Outcome.LOST
    assert lost.loss_reason == "price"
    # A "no" from the CRM opens its perseverance plan like any other.
    assert FollowUpPlan.objects.filter(opportunity=lost).exists()
    open_deal = Opportunity.objects.get(title="Northwind – renouvellement 2027")
    assert open_deal.amount == Decimal("48000")
    assert open_deal.stage == "negotiation"


def test_reimporting_a_crm_export_creates_nothing(fixture_path, seller):
    path = fixture_path("hubspot_companies.csv")
    import_file(path, user=seller)
    again = import_file(path, user=seller)
    assert sum(again.created.values()) == 0
    assert again.skipped == {"unchanged": 2}
    assert Account.objects.count() == 2


def test_a_renamed_company_is_updated_through_its_crm_id(fixture_path, seller):
    path = fixture_path("hubspot_companies.csv")
    import_file(path, user=seller)
    path.write_bytes(path.read_bytes().replace(b"Northwind Traders", b"Northwind Group"))
    report = import_file(path, user=seller)
    assert report.updated == {"account": 1}
    assert Account.objects.filter(name="Northwind Group").count() == 1
    assert not Account.objects.filter(name="Northwind Traders").exists()


def test_salesforce_windows_1252_semicolon_accounts_then_contacts(fixture_path, seller):
    import_file(fixture_path("salesforce_accounts.csv"), user=seller)
    report = import_file(fixture_path("salesforce_contacts.csv"), user=seller)
    assert report.ok
    helene = Contact.objects.get()
    assert helene.name == "Hélène Garnier"
    assert helene.account.name == "Fabrikam Santé"
    assert Account.objects.get(name="Tailspin Toys").country == "GB"


def test_contacts_before_their_companies_are_skipped_with_the_reason(fixture_path, seller):
    report = import_file(fixture_path("hubspot_contacts.csv"), user=seller)
    assert report.skipped == {
        "no account named 'Northwind Traders': import the companies first, or give --account": 2
    }


def test_a_bad_amount_rolls_the_whole_file_back(tmp_path, account):
    path = tmp_path / "deals.csv"
    path.write_text(
        '"Record ID","Deal Name","Amount","Associated Company"\n'
        '"1","Good","100",""\n"2","Bad","lots",""\n'
    )
    report = import_file(path, user=account.owner, account=account)
    assert report.error == "deals.csv, line 3: amount 'lots' is not a number"
    assert Opportunity.objects.count() == 0
    assert "failed, nothing imported" in report.summary()


def test_a_wrong_delimiter_is_a_clear_error(tmp_path, seller):
    path = tmp_path / "export.csv"
    path.write_text("Record ID|Company name\n1|Acme\n", encoding="utf-8")
    report = import_file(path, user=seller)
    assert report.ok  # '|' is recognised too
    path.write_text("Record ID Company name\n1 Acme\n", encoding="utf-8")
    report = import_file(path, user=seller)
    assert "unrecognised columns" in report.error
    assert Account.objects.count() == 1
