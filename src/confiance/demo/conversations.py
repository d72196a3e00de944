"""Plan each account's interactions over the demo's 18 months and write their texts.

Pure Python (no database): the builder turns these drafts into rows. Every choice comes from
the account's own ``random.Random``, so one account's story never shifts another's.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from . import texts_en, texts_fr
from .portfolio import TIME_ZONES, AccountSpec
from .stories import SCRIPTED, Scripted
from .transcripts import FOR_PROSPECTS, GENERIC, SCRIPTS

TEXTS = {"fr": texts_fr, "en": texts_en}
MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
SITES = {
    "FR": [
        "Lyon",
        "Nantes",
        "Rennes",
        "Lille",
        "Bordeaux",
        "Clermont-Ferrand",
        "Grenoble",
        "Tours",
        "Poitiers",
        "Toulouse",
        "Reims",
        "Metz",
    ],
    "CH": ["Genève", "Lausanne", "Meyrin", "Nyon"],
    "CA": ["Saint-Jérôme", "Laval", "Mont-Tremblant", "Toronto", "Kingston", "Hamilton"],
    "GB": [
        "Leeds",
        "Bristol",
        "Manchester",
        "Sheffield",
        "Newcastle",
        "Norwich",
        "Reading",
        "Tilbury",
        "Halifax",
    ],
    "IE": ["Wexford", "Waterford", "Cork"],
    "US": ["Memphis", "Columbus", "Denver", "Louisville", "Kansas City", "Dallas"],
}
# Weights of the kinds of generated interactions (scripted ones come on top).
KIND_WEIGHTS = {"meeting": 20, "call": 28, "email": 36, "note": 7, "prep_note": 9}
TWO_WAY = ("meeting", "call", "email")
COMBATIVE_PREP_ODDS = {"strained": 0.7, "neglected": 0.6, "former": 0.6, "lost": 0.5}


@dataclass
class Turn:
    role: str
    text: str
    start: float
    end: float


@dataclass
class Draft:
    """One interaction, before it is written to the database."""

    account: str
    kind: str
    occurred_at: dt.datetime
    title: str
    body: str
    language: str
    mood: str
    duration_minutes: int | None = None
    contact_roles: list[str] = field(default_factory=list)  # "A"/"B"/"C" or an index "#n"
    with_manager: bool = False
    turns: list[Turn] = field(default_factory=list)
    source: str = "manual"
    external_id: str = ""


def plan_account(spec: AccountSpec, rng: random.Random, today: dt.date) -> list[Draft]:
    """Every interaction of one account, oldest first."""
    scripted = SCRIPTED.get(spec.key, [])
    generated = spec.interactions - len(scripted)
    start, end = spec.window
    days = _spread(rng, start, end, generated)
    drafts: list[Draft] = []
    for index, days_ago in enumerate(days):
        from_end = generated - 1 - index
        mood = _mood(spec.profile, from_end, rng)
        last = from_end == 0
        drafts.append(_generated(spec, rng, today, days_ago, mood, force_two_way=last))
    drafts.extend(_scripted(spec, rng, today, s) for s in scripted)
    drafts.sort(key=lambda d: d.occurred_at)
    for number, draft in enumerate(drafts, start=1):
        if draft.source != "manual":
            draft.external_id = f"demo-{spec.key}-{number:03d}"
    return drafts


def _spread(rng: random.Random, start: int, end: int, count: int) -> list[int]:
    """``count`` days between ``start`` and ``end`` days ago, roughly even, last on ``end``."""
    if count <= 1:
        return [end] * count
    step = (start - end) / (count - 1)
    days = [round(start - i * step + rng.uniform(-step / 3, step / 3)) for i in range(count)]
    days[0], days[-1] = start, end
    return sorted((min(start, max(end, d)) for d in days), reverse=True)


def _mood(profile: str, from_end: int, rng: random.Random) -> str:
    if profile == "neglected":
        # The tone sours over the last exchanges before the silence.
        return "sour" if from_end < 5 else rng.choice(["warm", "neutral", "neutral"])
    weights = {
        "happy": (6, 4, 0),
        "steady": (3, 6, 1),
        "strained": (2, 4, 4),
        "prospect": (5, 5, 0),
        "new": (5, 5, 0),
        "lost": (3, 5, 2),
        "former": (1, 5, 4),
    }[profile]
    return rng.choices(["warm", "neutral", "sour"], weights=weights)[0]


def _moment(spec: AccountSpec, rng: random.Random, today: dt.date, days_ago: int) -> dt.datetime:
    """A working-hours moment ``days_ago`` days before ``today``, in the account's time zone."""
    day = today - dt.timedelta(days=days_ago)
    if day.weekday() >= 5:  # weekends move to the Friday before, or after for the diary
        day += dt.timedelta(days=7 - day.weekday() if days_ago < 0 else 4 - day.weekday())
    moment = dt.time(rng.randint(8, 17), rng.choice([0, 15, 30, 45]))
    return dt.datetime.combine(day, moment, tzinfo=ZoneInfo(TIME_ZONES[spec.country]))


def slots(spec: AccountSpec, rng: random.Random, when: dt.datetime) -> dict[str, str]:
    """Values for the text templates; ``{c}`` and ``{s}`` are filled in by the builder."""
    texts = TEXTS[spec.language]
    later = when.date() + dt.timedelta(days=rng.randint(7, 21))
    module = rng.choice(texts.MODULES)
    return {
        "acc": spec.name,
        "module": module,
        "de_module": _de(module),
        "site": rng.choice(SITES[spec.country]),
        "n": str(rng.choice([12, 15, 20, 25, 30, 40, 60])),
        "h": str(rng.choice([8, 12, 16, 24, 32])),
        "pct": str(rng.randint(86, 97)),
        "day": rng.choice(texts.WEEKDAYS),
        "date": f"{later.day} {MONTHS[spec.language][later.month - 1]}",
        "ref": f"F-{when.year}-{rng.randint(100, 999):04d}",
        "promise": spec.promise or texts.DELIVERABLES[2],
        "deliverable": rng.choice(texts.DELIVERABLES),
        "gap": str(rng.choice([8, 10, 12, 15])),
    }


def _generated(
    spec: AccountSpec,
    rng: random.Random,
    today: dt.date,
    days_ago: int,
    mood: str,
    *,
    force_two_way: bool,
) -> Draft:
    texts = TEXTS[spec.language]
    kinds = list(KIND_WEIGHTS)
    kind = rng.choices(kinds, weights=list(KIND_WEIGHTS.values()))[0]
    if force_two_way and kind not in TWO_WAY:
        kind = "email"
    when = _moment(spec, rng, today, days_ago)
    values = slots(spec, rng, when)
    draft = Draft(spec.key, kind, when, "", "", spec.language, mood)
    if kind == "meeting":
        _meeting(draft, spec, rng, values, mood)
        return draft
    prospect = spec.kind == "prospect"
    if kind == "email":
        # Nobody answers the neglected customer's complaints: they stay one-way.
        inbound = rng.random() < 0.6 or (mood == "sour" and spec.profile == "neglected")
        if prospect:
            bank = texts.EMAILS_IN_PROSPECT[mood] if inbound else texts.EMAILS_OUT_PROSPECT
        else:
            bank = (texts.EMAILS_IN if inbound else texts.EMAILS_OUT)[mood]
        title, body = rng.choice(bank)
        draft.source = "eml"
    elif kind == "call":
        title = texts.CALL_TITLE
        body = rng.choice((texts.CALLS_PROSPECT if prospect else texts.CALLS)[mood])
        draft.duration_minutes = rng.choice([10, 15, 20, 30, 45])
    elif kind == "note":  # the contact is named in the note, not present
        title, body = (
            texts.NOTE_TITLE,
            rng.choice(texts.NOTES_PROSPECT if prospect else texts.NOTES),
        )
    else:
        title, body = texts.PREP_TITLE, rng.choice(_prep_bank(spec, rng))
    draft.title, draft.body = _fill(title, values), _fill(body, values)
    draft.contact_roles = [_any_role(rng)]
    return draft


def _prep_bank(spec: AccountSpec, rng: random.Random) -> list[str]:
    texts = TEXTS[spec.language]
    if rng.random() >= COMBATIVE_PREP_ODDS.get(spec.profile, 0.25):
        return texts.PREP_COLLABORATIVE
    if spec.kind == "prospect":
        return [texts.PREP_COMBATIVE[i] for i in texts.PREP_COMBATIVE_PROSPECT]
    return texts.PREP_COMBATIVE


def _meeting(draft: Draft, spec: AccountSpec, rng: random.Random, values, mood: str) -> None:
    texts = TEXTS[spec.language]
    titles = texts.MEETING_TITLES_PROSPECT if spec.kind == "prospect" else texts.MEETING_TITLES
    draft.title = _fill(rng.choice(titles), values)
    draft.duration_minutes = rng.choice([30, 45, 60, 90])
    draft.with_manager = spec.annual_value >= 200_000 and rng.random() < 0.2
    if rng.random() < 0.45:
        if spec.kind == "prospect":
            kind, index = rng.choice(FOR_PROSPECTS[spec.language])
        else:
            # Happy customers have no price fights: their meetings stay collaborative.
            kind = "collaborative" if spec.profile == "happy" else rng.choice(GENERIC[mood])
            index = rng.randrange(len(SCRIPTS[spec.language][kind]))
        _transcribe(draft, rng, SCRIPTS[spec.language][kind][index], values)
    else:
        summary = texts.MEETING_SUMMARY_PROSPECT if spec.kind == "prospect" else None
        draft.body = _fill(summary or texts.MEETING_SUMMARIES[mood], values)
        draft.contact_roles = ["A", "B"] if rng.random() < 0.5 else ["A", "B", "C"]


def _scripted(spec: AccountSpec, rng: random.Random, today: dt.date, item: Scripted) -> Draft:
    texts = TEXTS[spec.language]
    when = _moment(spec, rng, today, item.days_ago)
    values = {**slots(spec, rng, when), **dict(item.values)}
    if item.kind == "upcoming":
        return Draft(
            spec.key,
            "meeting",
            when,
            item.title,
            item.agenda,
            spec.language,
            "neutral",
            duration_minutes=60,
            contact_roles=["A", "B", "C"],
        )
    if item.kind == "prep_note":
        bank = texts.PREP_COMBATIVE if item.bank == "combative" else texts.PREP_COLLABORATIVE
        body = _fill(bank[item.index], values)
        title = _fill(texts.PREP_TITLE, values)
        mood = "sour" if item.bank == "combative" else "neutral"
        return Draft(
            spec.key, "prep_note", when, title, body, spec.language, mood, contact_roles=["A"]
        )
    mood = {"collaborative": "warm", "split": "neutral"}.get(item.bank, "sour")
    draft = Draft(
        spec.key,
        "meeting",
        when,
        item.title,
        "",
        spec.language,
        mood,
        duration_minutes=60,
        with_manager=item.with_manager,
    )
    _transcribe(draft, rng, SCRIPTS[spec.language][item.bank][item.index], values)
    return draft


def _transcribe(draft: Draft, rng: random.Random, script, values: dict[str, str]) -> None:
    """Turn a script into timed turns: about 2.5 words a second, short pauses between."""
    clock = round(rng.uniform(5, 40), 1)
    for role, line in script:
        text = _fill(line, values)
        length = round(len(text.split()) / 2.5 + rng.uniform(0.5, 3.0), 1)
        draft.turns.append(Turn(role, text, clock, round(clock + length, 1)))
        clock = round(clock + length + rng.uniform(0.3, 2.0), 1)
    draft.source = "vtt"
    draft.with_manager = draft.with_manager or any(t.role == "M" for t in draft.turns)
    draft.contact_roles = sorted({t.role for t in draft.turns} - {"S", "M"})


def _de(noun: str) -> str:
    """French "de" before a noun with its article: du module, des tableaux, de l'application."""
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if noun.startswith(article):
            return contracted + noun[len(article) :]
    return f"de {noun}"


def _any_role(rng: random.Random) -> str:
    return rng.choice(["A", "A", "B", "C"])


def _fill(template: str, values: dict[str, str]) -> str:
    """Fill the known slots and leave ``{c}``/``{s}`` for the builder, who knows the people."""
    return template.format_map({**values, "c": "{c}", "s": "{s}"})
