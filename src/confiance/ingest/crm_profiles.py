"""The header rows HubSpot and Salesforce write in their standard exports.

HubSpot: the property labels of its CRM export ("Export" on the Companies, Contacts and
Deals index pages), which start with "Record ID". Salesforce: the column labels of the
standard "Accounts", "Contacts & Accounts" and "Opportunities" reports exported as CSV, and
the API field names Data Loader writes (Id, Name, BillingCountry...). Labels are compared
case-insensitively with spaces collapsed. Sources: docs/import-export.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# Canonical fields per entity; a mapping file uses these names.
ENTITIES: dict[str, tuple[str, ...]] = {
    "account": (
        "external_id", "name", "domain", "industry", "employees", "country",
        "annual_revenue", "owner", "kind", "phone",
    ),
    "contact": (
        "external_id", "first_name", "last_name", "name", "email", "phone", "job_title",
        "account_name", "account_external_id", "owner",
    ),
    "opportunity": (
        "external_id", "title", "account_name", "account_external_id", "stage", "amount",
        "currency", "close_date", "owner", "won", "closed", "loss_reason",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Profile:
    source: str
    entity: str
    # Each group must have at least one label present for the profile to match.
    signature: tuple[tuple[str, ...], ...]
    fields: dict[str, tuple[str, ...]]
    required: tuple[str, ...]


PROFILES: tuple[Profile, ...] = (
    Profile(
        "hubspot",
        "account",
        signature=(("Record ID",), ("Company name", "Name")),
        fields={
            "external_id": ("Record ID",),
            "name": ("Company name", "Name"),
            "domain": ("Company Domain Name", "Website URL"),
            "industry": ("Industry",),
            "employees": ("Number of Employees",),
            "country": ("Country/Region", "Country"),
            "annual_revenue": ("Annual Revenue",),
            "owner": ("Company owner",),
            "kind": ("Lifecycle Stage", "Type"),
            "phone": ("Phone Number",),
        },
        required=("name",),
    ),
    Profile(
        "hubspot",
        "contact",
        signature=(("Record ID",), ("First Name", "Email")),
        fields={
            "external_id": ("Record ID",),
            "first_name": ("First Name",),
            "last_name": ("Last Name",),
            "email": ("Email",),
            "phone": ("Phone Number", "Mobile Phone Number"),
            "job_title": ("Job Title",),
            "account_name": ("Associated Company", "Company Name", "Company"),
            "account_external_id": ("Associated Company IDs", "Associated Company ID"),
            "owner": ("Contact owner",),
        },
        required=(),
    ),
    Profile(
        "hubspot",
        "opportunity",
        signature=(("Record ID",), ("Deal Name",)),
        fields={
            "external_id": ("Record ID",),
            "title": ("Deal Name",),
            "account_name": ("Associated Company", "Company Name"),
            "account_external_id": ("Associated Company IDs", "Associated Company ID"),
            "stage": ("Deal Stage",),
            "amount": ("Amount",),
            "currency": ("Currency",),
            "close_date": ("Close Date",),
            "owner": ("Deal owner",),
            "loss_reason": ("Closed Lost Reason",),
        },
        required=("title",),
    ),
    Profile(
        "salesforce",
        "account",
        signature=(("Account Name", "Name"), ("Account ID", "Id", "Account Owner", "Billing Country", "BillingCountry")),
        fields={
            "external_id": ("Account ID", "Id"),
            "name": ("Account Name", "Name"),
            "domain": ("Website",),
            "industry": ("Industry",),
            "employees": ("Employees", "NumberOfEmployees"),
            "country": ("Billing Country", "BillingCountry"),
            "annual_revenue": ("Annual Revenue", "AnnualRevenue"),
            "owner": ("Account Owner", "Owner Name"),
            "kind": ("Type", "Account Type"),
            "phone": ("Phone",),
        },
        required=("name",),
    ),
    Profile(
        "salesforce",
        "contact",
        signature=(("First Name", "FirstName"), ("Last Name", "LastName"), ("Account Name", "Contact ID", "AccountId", "Title")),
        fields={
            "external_id": ("Contact ID", "Id"),
            "first_name": ("First Name", "FirstName"),
            "last_name": ("Last Name", "LastName"),
            "email": ("Email",),
            "phone": ("Phone", "Mobile", "MobilePhone"),
            "job_title": ("Title",),
            "account_name": ("Account Name",),
            "account_external_id": ("Account ID", "AccountId"),
            "owner": ("Contact Owner",),
        },
        required=(),
    ),
    Profile(
        "salesforce",
        "opportunity",
        signature=(("Opportunity Name", "StageName"),),
        fields={
            "external_id": ("Opportunity ID", "Id"),
            "title": ("Opportunity Name", "Name"),
            "account_name": ("Account Name",),
            "account_external_id": ("Account ID", "AccountId"),
            "stage": ("Stage", "StageName"),
            "amount": ("Amount",),
            "currency": ("Opportunity Currency", "CurrencyIsoCode"),
            "close_date": ("Close Date", "CloseDate"),
            "owner": ("Opportunity Owner",),
            "won": ("Won", "IsWon"),
            "closed": ("Closed", "IsClosed"),
            "loss_reason": ("Loss Reason", "Reason Lost"),
        },
        required=("title",),
    ),
)  # fmt: skip
