"""Buying-group map: who stands where on what, where they diverge, and an agenda to discuss it.

Public API:

- ``buying_group_map(user, account, *, lang=None) -> BuyingGroupMap`` (``account``: an Account,
  an id or a name; ``NoSuchAccount`` when ``user`` may not see it). The map holds
  ``stakeholders`` (``Stakeholder``), ``topics`` (``TopicView`` with its ``divergence`` 0–100 or
  None, the ``camps`` behind each preferred alternative and the stakeholders with no known
  position on it), ``cells`` (one ``Cell`` per known position), ``unknown`` (stakeholders with
  no known position at all) and ``agenda`` (``AgendaItem``: most divided undecided topics first,
  the question to ask each stakeholder, what each side must understand of the other), all in
  the user's language. Three queries whatever the size of the group.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from confiance.accounts.models import BuyingRole, Contact, StakeholderPosition, Topic

from .common import Result, find_account, language

# Divergence = 100 × (ALTERNATIVES_SHARE × split of preferred alternatives, weighted by
# influence × priority + (1 − ALTERNATIVES_SHARE) × spread of priorities). See docs/insights.md.
ALTERNATIVES_SHARE = 0.7
MIN_POSITIONS = 2
MAX_CAMPS = 4  # the agenda discusses the four weightiest options of a topic


@dataclass
class Stakeholder(Result):
    id: int
    name: str
    job_title: str
    role: str
    role_label: str
    influence: int
    known_positions: int


@dataclass
class Cell(Result):
    contact_id: int
    topic_id: int
    priority: int
    preferred_alternative: str
    perceived_risk: str
    stance: str


@dataclass
class Camp(Result):
    alternative: str  # as written by its weightiest supporter
    supporters: list[str]
    weight: int  # sum of influence × priority
    risks: list[str]
    contact_ids: list[int] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)  # other wordings of the same option


@dataclass
class TopicView(Result):
    id: int
    title: str
    decided: bool
    divergence: int | None
    priority_spread: int | None  # highest minus lowest priority (0–4)
    camps: list[Camp]
    missing: list[str]


@dataclass
class Question(Result):
    contact_id: int
    name: str
    question: str


@dataclass
class AgendaItem(Result):
    topic_id: int
    topic: str
    divergence: int
    questions: list[Question]
    understand: list[str]


@dataclass
class BuyingGroupMap(Result):
    account_id: int
    account: str
    stakeholders: list[Stakeholder]
    topics: list[TopicView]
    cells: list[Cell]
    unknown: list[str]
    agenda: list[AgendaItem] = field(default_factory=list)
    summary: str = ""


def buying_group_map(user, account, *, lang: str | None = None) -> BuyingGroupMap:
    """The buying group of an account ``user`` may see, with divergences and an agenda."""
    target = find_account(user, account)
    contacts = list(Contact.objects.filter(account=target, erased_at__isnull=True))
    topics = list(Topic.objects.filter(account=target))
    positions = list(
        StakeholderPosition.objects.filter(topic__account=target, contact__erased_at__isnull=True)
    )
    people = {c.pk: c for c in contacts}
    by_topic: dict[int, list[StakeholderPosition]] = defaultdict(list)
    for position in positions:
        by_topic[position.topic_id].append(position)
    counts = defaultdict(int)
    for position in positions:
        counts[position.contact_id] += 1
    with language(lang):
        stakeholders = [
            Stakeholder(
                c.pk,
                c.name,
                c.job_title,
                c.buying_role,
                str(BuyingRole(c.buying_role).label),
                c.influence,
                counts[c.pk],
            )  # fmt: skip
            for c in contacts
        ]
        views = [_topic_view(t, by_topic[t.pk], people) for t in topics]
        views.sort(key=lambda v: (v.decided, -(v.divergence or -1), v.title.casefold()))
        agenda = [
            _agenda_item(v, by_topic[v.id], people)
            for v in views
            if not v.decided and v.divergence is not None
        ]
        unknown = [c.name for c in contacts if not counts[c.pk]]
        summary = _summary(target.name, views, unknown)
    cells = [
        Cell(
            p.contact_id,
            p.topic_id,
            p.priority,
            p.preferred_alternative,
            p.perceived_risk,
            p.stance,
        )
        for p in positions
    ]
    return BuyingGroupMap(
        target.pk, target.name, stakeholders, views, cells, unknown, agenda, summary
    )


def _words(alternative: str) -> frozenset[str]:
    """Words of three letters or more, without case or punctuation ("On-premise" = "on premise")."""
    cleaned = "".join(c if c.isalnum() else " " for c in alternative.casefold())
    return frozenset(w for w in cleaned.split() if len(w) >= 3) or frozenset(cleaned.split())


def _same_option(a: frozenset[str], b: frozenset[str]) -> bool:
    """Free-text options are the same when all the words of one are in the other
    ("On-premise" and "Stay on-premise"); "Managed cloud" and "Cloud, phased" stay apart."""
    return bool(a) and bool(b) and (a <= b or b <= a)


def _camps(positions: list[StakeholderPosition], people) -> list[Camp]:
    groups: list[tuple[frozenset[str], list[StakeholderPosition]]] = []
    for p in positions:
        if not p.preferred_alternative.strip():
            continue
        words = _words(p.preferred_alternative)
        group = next((g for g in groups if _same_option(g[0], words)), None)
        if group is None:
            groups.append((words, [p]))
        else:
            group[1].append(p)
    camps = []
    for _option, members in groups:
        weigh = lambda p: people[p.contact_id].influence * p.priority  # noqa: E731
        members.sort(key=lambda p: -weigh(p))
        texts = list(dict.fromkeys(p.preferred_alternative.strip() for p in members))
        camps.append(
            Camp(
                texts[0],
                [people[p.contact_id].name for p in members],
                sum(weigh(p) for p in members),
                sorted({p.perceived_risk.strip() for p in members if p.perceived_risk.strip()}),
                [p.contact_id for p in members],
                texts[1:],
            )
        )
    return sorted(camps, key=lambda c: (-c.weight, c.alternative.casefold()))


def divergence(camps: list[Camp], priorities: list[int]) -> int | None:
    """0 when everyone wants the same thing with the same urgency, 100 at the widest split."""
    if len(priorities) < MIN_POSITIONS:
        return None
    total = sum(c.weight for c in camps)
    split = 0.0
    voters = sum(len(c.supporters) for c in camps)
    if total and voters >= 2:
        impurity = 1 - sum((c.weight / total) ** 2 for c in camps)
        split = impurity / (1 - 1 / voters)  # 1 when every voice is equal and apart
    spread = (max(priorities) - min(priorities)) / 4
    return round(100 * min(1.0, ALTERNATIVES_SHARE * split + (1 - ALTERNATIVES_SHARE) * spread))


def _topic_view(topic: Topic, positions, people) -> TopicView:
    camps = _camps(positions, people)
    priorities = [p.priority for p in positions]
    present = {p.contact_id for p in positions}
    return TopicView(
        topic.pk,
        topic.title,
        topic.decided,
        divergence(camps, priorities),
        (max(priorities) - min(priorities)) if priorities else None,
        camps,
        [c.name for cid, c in people.items() if cid not in present],
    )


def _agenda_item(view: TopicView, positions, people) -> AgendaItem:
    questions = []
    for p in sorted(positions, key=lambda p: -people[p.contact_id].influence):
        name = people[p.contact_id].name
        others = [c.alternative for c in view.camps if p.contact_id not in c.contact_ids]
        values = {"name": name, "topic": view.title, "alt": p.preferred_alternative.strip()}
        if p.preferred_alternative.strip() and others:
            text = _(
                "Ask %(name)s what makes %(alt)s the right choice for them, and what they would "
                "need to see to consider %(other)s."
            ) % {**values, "other": others[0]}
        elif p.preferred_alternative.strip():
            text = _("Ask %(name)s what success with %(alt)s would look like.") % values
        else:
            text = _("Ask %(name)s which option they prefer for %(topic)s, and why.") % values
        if p.perceived_risk.strip():
            text += " " + _("Explore the risk they see: %(risk)s.") % {
                "risk": p.perceived_risk.strip()
            }
        questions.append(Question(p.contact_id, name, text))
    for name in view.missing:
        contact_id = next(cid for cid, c in people.items() if c.name == name)
        text = _("Ask %(name)s where they stand on %(topic)s and what matters most to them.")
        questions.append(Question(contact_id, name, text % {"name": name, "topic": view.title}))
    return AgendaItem(view.id, view.title, view.divergence or 0, questions, _understand(view))


def _understand(view: TopicView) -> list[str]:
    """For each of the main camps, what it must understand of the weightiest other camp."""
    lines = []
    main = view.camps[:MAX_CAMPS]
    for camp in main:
        for other in [c for c in main if c is not camp][:1]:
            values = {
                "names": ", ".join(camp.supporters),
                "alt": camp.alternative,
                "others": ", ".join(other.supporters),
                "other": other.alternative,
            }
            if other.risks:
                text = _(
                    "Those for %(alt)s (%(names)s) need to understand why those for %(other)s "
                    "(%(others)s) prefer it, and the risk they fear: %(risks)s."
                )
                lines.append(text % {**values, "risks": "; ".join(other.risks)})
            else:
                text = _(
                    "Those for %(alt)s (%(names)s) need to understand why those for %(other)s "
                    "(%(others)s) prefer it."
                )
                lines.append(text % values)
    if len(view.camps) <= 1 and view.priority_spread:
        lines.append(
            _("They agree on the option but not on its urgency: compare what each one needs first.")
        )
    return lines


def _summary(name: str, views: list[TopicView], unknown: list[str]) -> str:
    divided = [v for v in views if not v.decided and (v.divergence or 0) >= 50]
    topics = ngettext("%(n)d topic", "%(n)d topics", len(views)) % {"n": len(views)}
    split = ngettext(
        "%(n)d of them strongly divided", "%(n)d of them strongly divided", len(divided)
    ) % {"n": len(divided)}
    text = _("%(name)s: %(topics)s, %(divided)s.") % {
        "name": name,
        "topics": topics,
        "divided": split,
    }
    if unknown:
        text += " " + _("No known position for: %(names)s.") % {"names": ", ".join(unknown)}
    return text
