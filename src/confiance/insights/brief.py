"""Meeting prep brief: one page that puts the account's situation together before a meeting.

Public API:

- ``meeting_brief(user, account, *, meeting=None, as_of=None, lang=None) -> Brief``
  (``account``: an Account, an id or a name; ``NoSuchAccount`` when ``user`` may not see it;
  ``meeting``: an Interaction or its id, a meeting of that account, else ``NoSuchMeeting``;
  when None, the account's next planned meeting, if any).
  The ``Brief`` holds the open commitments on both sides (``ours`` / ``theirs``:
  ``CommitmentLine``), the ``scorecard`` and its weakest principle, the buying group's most
  divided ``divergences`` and ``unknown`` stakeholders, the ``tones`` of the last
  conversations with a ``tone_summary``, the coach's reading of the latest prep note
  (``prep``: ``PrepReading``), and a suggested ``agenda`` and ``questions``, in the user's
  language. ``.as_dict()`` gives JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from confiance.interactions.models import Interaction, InteractionKind
from confiance.ledger.models import Commitment, Status

from .buying_group import TopicView, buying_group_map
from .common import Result, find_account, language, local_today, signed, user_timezone
from .facts import TWO_WAY
from .perseverance import PlanView, plans
from .scorecard import Scorecard, scorecard

LAST_CONVERSATIONS = 5
TOP_DIVERGENCES = 3
# What to do and to ask when a principle is the weakest (see docs/insights.md).
REPAIR = {
    "reciprocity": (
        gettext_lazy("Propose a balanced exchange: what could they invest or risk alongside us?"),
        gettext_lazy("What would a fair share of the effort look like for you?"),
    ),
    "autonomy": (
        gettext_lazy("Leave the decision with them: lay out options, not ultimatums."),
        gettext_lazy("What do you need in order to decide freely and well?"),
    ),
    "integrity": (
        gettext_lazy("Show that we keep our word: say what we will do, by when, and do it."),
        gettext_lazy("Which of our promises matters most to you right now?"),
    ),
    "integrity_theirs": (
        gettext_lazy(
            "Review their open commitments together: what got in the way, what is realistic?"
        ),
        gettext_lazy(
            "What would help you keep the dates we agreed, or should we move them together?"
        ),
    ),
    "loyalty": (
        gettext_lazy("Show attention beyond the sale: review how the last deal works for them."),
        gettext_lazy("How is what we delivered working for you, and what would you change?"),
    ),
    "equity": (
        gettext_lazy("Look at who carries the risks and who gets the value; correct any drift."),
        gettext_lazy("Do you feel the risks and the gains are shared fairly between us?"),
    ),
}


class NoSuchMeeting(LookupError):
    pass


@dataclass
class CommitmentLine(Result):
    id: int
    party: str
    description: str
    due_date: dt.date | None
    overdue: bool
    days_overdue: int


@dataclass
class ToneLine(Result):
    interaction_id: int
    occurred_at: dt.datetime
    kind: str
    title: str
    tone: float


@dataclass
class PrepReading(Result):
    interaction_id: int
    occurred_at: dt.datetime
    tone: float
    findings: list[dict]
    moves: list[dict]
    summary: str


@dataclass
class Brief(Result):
    account_id: int
    account: str
    as_of: dt.date
    meeting: dict | None
    ours: list[CommitmentLine]
    theirs: list[CommitmentLine]
    scorecard: Scorecard
    divergences: list[TopicView]
    unknown: list[str]
    tones: list[ToneLine]
    tone_summary: str
    prep: PrepReading | None
    plans: list[PlanView] = field(default_factory=list)  # pending perseverance plans
    agenda: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


def meeting_brief(
    user, account, *, meeting=None, as_of: dt.date | None = None, lang: str | None = None
) -> Brief:
    """Everything worth knowing before meeting an account ``user`` may see."""
    target = find_account(user, account)
    tz = user_timezone(user)
    as_of = as_of or local_today(tz)
    upcoming = _meeting(target, meeting)
    card = scorecard(user, target, as_of=as_of, lang=lang)
    group = buying_group_map(user, target, lang=lang)
    pending = plans(user, as_of=as_of, lang=lang, account_id=target.pk).plans
    with language(lang) as code:
        ours, theirs = _commitments(target, as_of)
        tones = _tones(target, upcoming)
        prep = _prep(target, upcoming, code, as_of)
        divergences = [t for t in group.topics if not t.decided and t.divergence is not None]
        divergences = divergences[:TOP_DIVERGENCES]
        brief = Brief(
            account_id=target.pk,
            account=target.name,
            as_of=as_of,
            meeting=_meeting_dict(upcoming, tz),
            ours=ours,
            theirs=theirs,
            scorecard=card,
            divergences=divergences,
            unknown=group.unknown,
            tones=tones,
            tone_summary=_tone_summary(tones),
            prep=prep,
            plans=pending,
        )
        brief.agenda, brief.questions = _agenda(brief, group)
    return brief


def _meeting(account, meeting) -> Interaction | None:
    meetings = Interaction.objects.filter(account=account, kind=InteractionKind.MEETING)
    if meeting is None:
        return meetings.filter(occurred_at__gt=timezone.now()).order_by("occurred_at").first()
    pk = meeting.pk if isinstance(meeting, Interaction) else meeting
    found = meetings.filter(pk=pk).first()
    if found is None:
        raise NoSuchMeeting(_("No such meeting for this account: %(ref)s") % {"ref": pk})
    return found


def _meeting_dict(meeting: Interaction | None, tz) -> dict | None:
    if meeting is None:
        return None
    return {
        "id": meeting.pk,
        "title": meeting.title,
        "occurred_at": meeting.occurred_at.astimezone(tz).isoformat(),
    }


def _commitments(account, as_of: dt.date) -> tuple[list[CommitmentLine], list[CommitmentLine]]:
    sides: dict[str, list[CommitmentLine]] = {"ours": [], "theirs": []}
    for c in Commitment.objects.filter(account=account, status=Status.OPEN).order_by(
        "due_date", "id"
    ):
        late = (as_of - c.due_date).days if c.due_date and c.due_date < as_of else 0
        sides[c.party].append(
            CommitmentLine(c.pk, c.party, c.description, c.due_date, late > 0, late)
        )
    return sides["ours"], sides["theirs"]


def _tones(account, meeting: Interaction | None) -> list[ToneLine]:
    # Conversations already held: not the meeting being prepared, nor anything still planned.
    now = timezone.now()
    before = min(meeting.occurred_at, now) if meeting else now
    rows = Interaction.objects.filter(
        account=account, kind__in=TWO_WAY, tone__isnull=False, occurred_at__lt=before
    ).order_by("-occurred_at")[:LAST_CONVERSATIONS]
    return [ToneLine(i.pk, i.occurred_at, i.kind, str(i), round(i.tone, 2)) for i in rows]


def _tone_summary(tones: list[ToneLine]) -> str:
    if not tones:
        return _("No analysed conversation yet.")
    average = sum(t.tone for t in tones) / len(tones)
    text = _("Average tone of the last %(n)d conversations: %(tone)s.") % {
        "n": len(tones),
        "tone": signed(average),
    }
    if len(tones) >= 3:
        newest, older = tones[0].tone, sum(t.tone for t in tones[1:]) / (len(tones) - 1)
        if newest < older - 0.15:
            text += " " + _("The latest one was colder than the ones before.")
        elif newest > older + 0.15:
            text += " " + _("The latest one was warmer than the ones before.")
    return text


def _prep(account, meeting, lang: str, as_of: dt.date) -> PrepReading | None:
    notes = Interaction.objects.filter(account=account, kind=InteractionKind.PREP_NOTE)
    if meeting is not None:
        notes = notes.filter(occurred_at__lte=meeting.occurred_at)
    note = notes.exclude(body="").order_by("-occurred_at").first()
    if note is None:
        return None
    try:
        from confiance.coach import CoachError, analyze, labels
    except ImportError as exc:  # the brief stays useful without the coach's reading
        text = _("The coach could not read the prep note: %(error)s") % {"error": exc}
        return PrepReading(note.pk, note.occurred_at, 0.0, [], [], text)
    try:
        result = analyze(note.body, lang=note.language or None, reference_date=as_of)
        names = labels(lang)
    except (CoachError, OSError) as exc:
        text = _("The coach could not read the prep note: %(error)s") % {"error": exc}
        return PrepReading(note.pk, note.occurred_at, 0.0, [], [], text)
    findings = [
        {
            "category": f["category"],
            "label": names.get(f["category"], f["category"]),
            "text": f["text"],
            "explanation": f.get("explanation", ""),
            "rewrite": f.get("rewrite", ""),
            "question": f.get("question", ""),
        }
        for f in result["findings"]
    ]
    moves = [
        {
            "category": m["category"],
            "label": names.get(m["category"], m["category"]),
            "text": m["text"],
        }
        for m in result["moves"]
    ]
    summary = _(
        "Prep note of %(day)s: %(findings)d combative framings, %(moves)d collaborative moves, "
        "tone %(tone)s."
    ) % {
        "day": date_format(note.occurred_at.date(), "j F Y"),
        "findings": len(findings),
        "moves": len(moves),
        "tone": signed(result["tone"]),
    }
    return PrepReading(note.pk, note.occurred_at, result["tone"], findings, moves, summary)


def _agenda(brief: Brief, group) -> tuple[list[str], list[str]]:
    agenda, questions = [], []
    late = [c for c in brief.ours if c.overdue]
    if late:
        agenda.append(
            _("Our overdue commitments first: %(items)s.")
            % {"items": "; ".join(c.description for c in late[:3])}
        )
    for plan in brief.plans:
        step = plan.next_step
        if step is None:
            continue
        agenda.append(
            _("Come back to the “no” on %(deal)s: %(step)s (due %(due)s).")
            % {
                "deal": plan.opportunity,
                "step": step.label.lower(),
                "due": date_format(step.due_date, "j F Y"),
            }
        )
        if plan.reason in ("price", "competitor"):
            questions.append(
                _(
                    "Can we go through both offers line by line, to be sure we compare the same things?"
                )
            )
    for item in group.agenda[:TOP_DIVERGENCES]:
        agenda.append(
            _("Discuss %(topic)s together (divergence %(score)d/100): options, not positions.")
            % {"topic": item.topic, "score": item.divergence}
        )
        questions.extend(q.question for q in item.questions[:3])
    weakest = brief.scorecard.weakest
    if weakest == "integrity":
        integrity = brief.scorecard.principle("integrity")
        if (integrity.theirs or 0) < (integrity.ours or 0):
            weakest = "integrity_theirs"
    if weakest:
        action, question = REPAIR[weakest]
        agenda.append(str(action))
        questions.append(str(question))
    for c in brief.theirs[:2]:
        questions.append(_("Where do things stand with “%(item)s”?") % {"item": c.description})
    for finding in (brief.prep.findings if brief.prep else [])[:2]:
        if finding["question"]:
            questions.append(finding["question"])
    agenda.append(_("Agree on the next step together, with a date and who does what."))
    return agenda, questions
