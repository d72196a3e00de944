"""Matching the people named in a file (transcript speakers) to contacts and colleagues."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from confiance.accounts.models import Account, Contact
from confiance.users.models import Team


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


class NameMatcher:
    """Full names first; a first name alone only when exactly one person bears it."""

    def __init__(self, account: Account, team: Team) -> None:
        self.contacts: dict[str, Contact] = {}
        self.users: dict[str, object] = {}
        first_contacts: dict[str, list[Contact]] = {}
        for contact in Contact.objects.filter(account=account, erased_at__isnull=True):
            self.contacts[_key(contact.name)] = contact
            first_contacts.setdefault(_key(contact.name.split(" ")[0]), []).append(contact)
        first_users: dict[str, list] = {}
        for user in get_user_model().objects.filter(memberships__team=team, is_active=True):
            for label in {user.get_full_name(), user.username}:
                if label:
                    self.users[_key(label)] = user
            if user.first_name:
                first_users.setdefault(_key(user.first_name), []).append(user)
        for name, found in first_contacts.items():
            if len(found) == 1 and name not in self.contacts:
                self.contacts[name] = found[0]
        for name, found in first_users.items():
            if len(found) == 1 and name not in self.users:
                self.users[name] = found[0]

    def match(self, speaker: str):
        """Return ``(contact, user)``; at most one of them is set."""
        key = _key(speaker)
        if key in self.users:
            return None, self.users[key]
        return self.contacts.get(key), None


def accounts_with_contacts_named(visible, names: list[str]) -> list[Account]:
    """Visible accounts that hold a contact with one of these full names."""
    wanted = {_key(n) for n in names if n}
    found: dict[int, Account] = {}
    for contact in Contact.objects.filter(account__in=visible.values("pk")).select_related(
        "account"
    ):
        if _key(contact.name) in wanted:
            found[contact.account_id] = contact.account
    return list(found.values())
