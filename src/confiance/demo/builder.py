"""Write the demo portfolio to the database, in one transaction and mostly in bulk."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from confiance.accounts.models import Account, Contact
from confiance.insights.industries import industry_name
from confiance.interactions.models import Interaction, Segment
from confiance.ledger.models import Commitment, CommitmentEvent
from confiance.users.models import Membership, Profile, Team

from . import deals, ledger
from .analysis import analyse_interactions
from .conversations import Draft, plan_account
from .people import (
    DEMO_PASSWORD,
    FIRST_NAMES,
    JOB_TITLES,
    LAST_NAMES,
    ROLE_INFLUENCE,
    ROLE_ORDER,
    TEAM_NAME,
    USERS,
    demo_logins,
    job_title,
)
from .portfolio import ACCOUNTS, TIME_ZONES, AccountSpec
from .stories import ROLES

DEFAULT_SEED = 20261123
# Which buying roles stand behind each role letter of the scripts and templates.
LETTER_ROLES = {
    "A": ("champion", "user", "influencer"),
    "B": ("economic_buyer", "finance", "procurement"),
    "C": ("technical_evaluator", "decision_maker", "blocker"),
}
PHONE_PREFIX = {
    "FR": "+33 1",
    "CH": "+41 22",
    "GB": "+44 20",
    "IE": "+353 53",
    "US": "+1 901",
    "CA": "+1 514",
}


@dataclass
class DemoResult:
    """What was loaded, for the command's summary."""

    logins: list[tuple[str, str, str]]  # (username, role, full name)
    password: str
    counts: dict[str, int] = field(default_factory=dict)
    analysed: int = 0


def load_demo(*, seed: int = DEFAULT_SEED, today: dt.date | None = None) -> DemoResult:
    """Load the demo portfolio. Same ``seed`` and ``today`` give the same data.

    Dates are anchored on ``today`` (the local date by default) so that the demo always
    looks current: the neglected customer has been silent for 75 days whatever the date.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        return _Builder(seed, today).run()


class _Builder:
    def __init__(self, seed: int, today: dt.date) -> None:
        self.seed, self.today = seed, today
        self.users: dict[str, object] = {}
        self.accounts: dict[str, Account] = {}
        self.contacts: dict[str, list[Contact]] = {}
        self.interactions: dict[str, list[Interaction]] = {}
        self.used_names: set[str] = set()

    def rng(self, key: str, part: str) -> random.Random:
        # Seeding with a string is stable across runs and Python processes.
        return random.Random(f"{self.seed}:{key}:{part}")

    def run(self) -> DemoResult:
        team = self._team_and_users()
        self._accounts(team)
        self._contacts()
        analysed = self._interactions()
        commitments = self._commitments()
        opportunities, plans = deals.create_deals(self)
        topics, positions = deals.create_topics(self)
        counts = {
            "accounts": len(self.accounts),
            "contacts": sum(len(c) for c in self.contacts.values()),
            "interactions": sum(len(i) for i in self.interactions.values()),
            "commitments": commitments,
            "opportunities": opportunities,
            "plans": plans,
            "topics": topics,
            "positions": positions,
        }
        return DemoResult(demo_logins(), DEMO_PASSWORD, counts, analysed)

    # --- people --------------------------------------------------------------------------
    def _team_and_users(self) -> Team:
        team, _created = Team.objects.get_or_create(name=TEAM_NAME)
        model = get_user_model()
        # Hashing is deliberately slow (Argon2); the password is public and printed, so one
        # hash serves every demo user.
        password = make_password(DEMO_PASSWORD)
        for spec in USERS:
            user, _created = model.objects.get_or_create(username=spec.username)
            user.first_name, user.last_name = spec.first_name, spec.last_name
            user.email = f"{spec.username}@atelio.example"
            user.is_staff = user.is_superuser = spec.role == "admin"
            user.password = password
            user.save()
            Profile.objects.update_or_create(
                user=user, defaults={"language": spec.language, "time_zone": spec.time_zone}
            )
            Membership.objects.update_or_create(user=user, team=team, defaults={"role": spec.role})
            self.users[spec.username] = user
        return team

    # --- accounts and contacts -----------------------------------------------------------
    def _accounts(self, team: Team) -> None:
        rows = []
        for spec in ACCOUNTS:
            since = None
            if spec.kind != "prospect":
                since = self.today - dt.timedelta(days=round(spec.customer_years * 365.25))
            rows.append(
                Account(
                    name=spec.name,
                    kind=spec.kind,
                    owner=self.users[spec.owner],
                    team=team,
                    # In the account's own language: "Logistique" in France.
                    industry=industry_name(spec.industry, spec.language),
                    size_band=spec.size,
                    country=spec.country,
                    language=spec.language,
                    annual_value=Decimal(spec.annual_value),
                    currency=spec.currency,
                    customer_since=since,
                )
            )
        Account.objects.bulk_create(rows)
        self.accounts = {spec.key: row for spec, row in zip(ACCOUNTS, rows, strict=True)}
        through = Account.shared_with.through
        through.objects.bulk_create(
            through(account_id=self.accounts[spec.key].pk, user_id=self.users[name].pk)
            for spec in ACCOUNTS
            for name in spec.shared_with
        )

    def _contacts(self) -> None:
        rows: list[Contact] = []
        extra = itertools.cycle(ROLE_ORDER[3:])  # so that every role appears somewhere
        for spec in ACCOUNTS:
            rng = self.rng(spec.key, "contacts")
            roles = ROLES.get(spec.key) or _roles(extra, spec.contacts)
            for role in roles[: spec.contacts]:
                first, last = self._new_name(rng, spec.language)
                low, high = ROLE_INFLUENCE[role]
                rows.append(
                    Contact(
                        account=self.accounts[spec.key],
                        name=f"{first} {last}",
                        job_title=job_title(rng.choice(JOB_TITLES[spec.language][role]), first),
                        email=f"{_ascii(first)}.{_ascii(last)}@{spec.domain}",
                        phone=f"{PHONE_PREFIX[spec.country]} {rng.randint(100, 999)} "
                        f"{rng.randint(1000, 9999)}",
                        language=spec.language,
                        buying_role=role,
                        influence=rng.randint(low, high),
                    )
                )
        Contact.objects.bulk_create(rows)
        for row in rows:
            self.contacts.setdefault(_key_of(self.accounts, row.account), []).append(row)

    def _new_name(self, rng: random.Random, language: str) -> tuple[str, str]:
        while True:
            first, last = rng.choice(FIRST_NAMES[language]), rng.choice(LAST_NAMES[language])
            if f"{first} {last}" not in self.used_names:
                self.used_names.add(f"{first} {last}")
                return first, last

    def contact_for(self, key: str, letter: str, offset: int = 0) -> Contact:
        """The account's contact who plays ``letter`` (A/B/C) in a script or template."""
        people = self.contacts[key]
        matching = [c for c in people if c.buying_role in LETTER_ROLES[letter]]
        pool = matching or people
        return pool[offset % len(pool)]

    # --- interactions --------------------------------------------------------------------
    def _interactions(self) -> int:
        rows: list[Interaction] = []
        drafts: list[Draft] = []
        for spec in ACCOUNTS:
            planned = plan_account(spec, self.rng(spec.key, "interactions"), self.today)
            for draft in planned:
                rows.append(self._interaction(spec, draft))
                drafts.append(draft)
        Interaction.objects.bulk_create(rows)
        segments, with_contacts, with_users = [], [], []
        for row, draft in zip(rows, drafts, strict=True):
            self.interactions.setdefault(draft.account, []).append(row)
            owner = self.users[ACCOUNTS_BY_KEY[draft.account].owner]
            people = [self.contact_for(draft.account, r) for r in draft.contact_roles]
            if draft.kind in ("meeting", "call", "email"):
                with_contacts += [(row.pk, c.pk) for c in dict.fromkeys(people)]
                with_users.append((row.pk, owner.pk))
                if draft.with_manager:
                    with_users.append((row.pk, self.users["claire"].pk))
            for position, turn in enumerate(draft.turns):
                speaker = self._speaker(draft, turn.role, owner)
                segments.append(
                    Segment(
                        interaction=row,
                        position=position,
                        speaker_label=speaker["label"],
                        contact=speaker.get("contact"),
                        user=speaker.get("user"),
                        start=turn.start,
                        end=turn.end,
                        text=turn.text,
                    )
                )
        Segment.objects.bulk_create(segments)
        through = Interaction.contacts.through
        through.objects.bulk_create(
            through(interaction_id=i, contact_id=c) for i, c in with_contacts
        )
        through = Interaction.users.through
        through.objects.bulk_create(through(interaction_id=i, user_id=u) for i, u in with_users)
        return analyse_interactions(rows, segments)

    def _interaction(self, spec: AccountSpec, draft: Draft) -> Interaction:
        owner = self.users[spec.owner]
        first = self.contact_for(spec.key, draft.contact_roles[0]) if draft.contact_roles else None
        names = {"{c}": first.name.split(" ")[0] if first else "", "{s}": owner.first_name}
        title, body = draft.title, draft.body
        for slot, value in names.items():
            title, body = title.replace(slot, value), body.replace(slot, value)
        return Interaction(
            account=self.accounts[spec.key],
            kind=draft.kind,
            occurred_at=draft.occurred_at,
            duration=dt.timedelta(minutes=draft.duration_minutes)
            if draft.duration_minutes
            else None,
            title=title,
            body=body,
            language=draft.language,
            source=draft.source,
            external_id=draft.external_id,
            created_by=owner,
        )

    def _speaker(self, draft: Draft, role: str, owner) -> dict:
        if role == "S":
            return {"label": owner.get_full_name(), "user": owner}
        if role == "M":
            manager = self.users["claire"]
            return {"label": manager.get_full_name(), "user": manager}
        contact = self.contact_for(draft.account, role)
        return {"label": contact.name, "contact": contact}

    # --- commitments ---------------------------------------------------------------------
    def _commitments(self) -> int:
        rows: list[Commitment] = []
        histories = []
        for spec in ACCOUNTS:
            rng = self.rng(spec.key, "commitments")
            two_way = [i for i in self.interactions[spec.key] if i.is_two_way]
            by_day = {timezone.localtime(i.occurred_at, _tz(spec)).date(): i for i in two_way}
            for draft in ledger.plan_commitments(spec, rng, self.today, sorted(by_day)):
                source = _latest_before(by_day, draft.made_on)
                owner_contact = None
                if draft.party == "theirs":
                    owner_contact = rng.choice(self.contacts[spec.key])
                rows.append(
                    Commitment(
                        account=self.accounts[spec.key],
                        party=draft.party,
                        owner_user=self.users[spec.owner] if draft.party == "ours" else None,
                        owner_contact=owner_contact,
                        kind=draft.kind,
                        description=draft.description,
                        value_amount=draft.amount,
                        currency=spec.currency,
                        value_hours=draft.hours,
                        due_date=draft.due_date,
                        status=draft.status,
                        resolved_at=draft.resolved_at,
                        interaction=source,
                    )
                )
                histories.append((spec, draft))
        Commitment.objects.bulk_create(rows)
        events = [
            CommitmentEvent(
                commitment=row,
                from_status=old,
                to_status=new,
                at=dt.datetime.combine(day, dt.time(18, 0), tzinfo=_tz(spec)),
                by=self.users[spec.owner],
                note=note,
            )
            for row, (spec, draft) in zip(rows, histories, strict=True)
            for old, new, day, note in draft.events
        ]
        CommitmentEvent.objects.bulk_create(events)
        return len(rows)


ACCOUNTS_BY_KEY = {spec.key: spec for spec in ACCOUNTS}


def _tz(spec: AccountSpec) -> ZoneInfo:
    return ZoneInfo(TIME_ZONES[spec.country])


def _latest_before(by_day: dict[dt.date, Interaction], day: dt.date) -> Interaction | None:
    earlier = [d for d in by_day if d <= day]
    return by_day[max(earlier)] if earlier else None


def _key_of(accounts: dict[str, Account], account: Account) -> str:
    return next(key for key, row in accounts.items() if row is account)


def _roles(extra: Iterator[str], count: int) -> list[str]:
    """The three roles every buying group has, then the next ones of the rotation."""
    core = ROLE_ORDER[:3]
    return core[:count] + [next(extra) for _ in range(max(0, count - len(core)))]


def _ascii(name: str) -> str:
    """``Élodie`` -> ``elodie``: addresses without accents or spaces."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "").replace("'", "")
