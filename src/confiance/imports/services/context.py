"""Everything one import needs to know: who imports, where, and how to match people."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils import timezone

from confiance.accounts.models import Account, Contact, ContactEmail
from confiance.accounts.permissions import visible_accounts
from confiance.imports.services.report import ImportReport
from confiance.users.models import Membership, Team

Progress = Callable[[int, int], None]


@dataclass
class ImportContext:
    user: object
    team: Team
    report: ImportReport
    account: Account | None = None
    dry_run: bool = False
    create_contacts: bool = False
    mapping: Path | None = None
    progress: Progress | None = None
    occurred_at: object = None  # when a transcript's meeting took place, if the user says
    workers: int | None = None  # processes parsing an mbox; None: decided by its size
    total: int = 0
    processed: int = 0
    now: object = field(default_factory=timezone.now)
    accounts: dict[int, Account | None] = field(default_factory=dict)  # visible, by id
    _contacts: dict[str, list[Contact]] = field(default_factory=dict)
    _users: dict[str, object] = field(default_factory=dict)
    _last_progress: float = 0.0

    @property
    def visible(self):
        return visible_accounts(self.user)

    def tick(self, count: int = 1) -> None:
        """Count processed items; report progress at most ten times a second."""
        self.processed += count
        if self.progress is not None:
            now = time.monotonic()
            if now - self._last_progress > 0.1 or self.processed >= self.total:
                self._last_progress = now
                self.progress(self.processed, max(self.total, self.processed))

    def resolve_addresses(self, addresses: set[str]) -> None:
        """Look up, in bulk, which visible contacts and which users own these addresses."""
        missing = [a for a in addresses if a not in self._contacts]
        if not missing:
            return
        for address in missing:
            self._contacts[address] = []
        visible = self.visible.values("pk")
        for contact in (
            Contact.objects.filter(account__in=visible, erased_at__isnull=True)
            .annotate(lower=Lower("email"))
            .filter(lower__in=missing)
        ):
            self._contacts[contact.lower].append(contact)
        extra = (
            ContactEmail.objects.filter(contact__account__in=visible)
            .annotate(lower=Lower("address"))
            .filter(lower__in=missing)
            .select_related("contact")
        )
        for row in extra:
            if row.contact not in self._contacts[row.lower]:
                self._contacts[row.lower].append(row.contact)
        # Colleagues only: a user of another team is no one we may name on this account.
        for user in (
            get_user_model()
            .objects.filter(is_active=True, memberships__team=self.team)
            .annotate(lower=Lower("email"))
            .filter(lower__in=missing)
        ):
            self._users.setdefault(user.lower, user)

    def contacts_for(self, address: str, account: Account | None = None) -> list[Contact]:
        found = self._contacts.get(address, [])
        return [c for c in found if account is None or c.account_id == account.pk]

    def user_for(self, address: str):
        return self._users.get(address)

    def remember_contact(self, address: str, contact: Contact) -> None:
        self._contacts.setdefault(address, []).append(contact)


def team_of(user, account: Account | None) -> Team | None:
    """The team new records go to: the account's, else the importing user's first team."""
    if account is not None:
        return account.team
    membership = Membership.objects.filter(user=user).select_related("team").first()
    return membership.team if membership else None
