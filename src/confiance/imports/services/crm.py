"""CRM exports -> accounts, contacts and opportunities, matched by CRM id then by name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils.translation import gettext_noop

from confiance.accounts.models import Account, AccountKind, Contact, SizeBand
from confiance.deals.models import Opportunity, Outcome, Stage
from confiance.deals.services import record_outcome
from confiance.imports.models import ExternalRef
from confiance.imports.services.context import ImportContext
from confiance.imports.services.report import reason
from confiance.ingest.crm import CrmFile, CrmRecord
from confiance.ingest.errors import IngestError, Message, Quoted

COUNTRIES = {
    "france": "FR", "united kingdom": "GB", "uk": "GB", "royaume-uni": "GB", "germany": "DE",
    "allemagne": "DE", "spain": "ES", "espagne": "ES", "italy": "IT", "italie": "IT",
    "belgium": "BE", "belgique": "BE", "switzerland": "CH", "suisse": "CH",
    "netherlands": "NL", "pays-bas": "NL", "luxembourg": "LU", "portugal": "PT",
    "ireland": "IE", "irlande": "IE", "united states": "US", "usa": "US", "états-unis": "US",
    "canada": "CA", "austria": "AT", "autriche": "AT", "sweden": "SE", "suède": "SE",
    "denmark": "DK", "norway": "NO", "finland": "FI", "poland": "PL", "pologne": "PL",
    "morocco": "MA", "maroc": "MA", "tunisia": "TN", "tunisie": "TN",
}  # fmt: skip
# HubSpot default pipeline stages and Salesforce standard opportunity stages.
STAGES = {
    "appointment scheduled": Stage.DISCOVERY, "prospecting": Stage.DISCOVERY,
    "qualified to buy": Stage.QUALIFICATION, "qualification": Stage.QUALIFICATION,
    "needs analysis": Stage.QUALIFICATION, "presentation scheduled": Stage.PROPOSAL,
    "value proposition": Stage.PROPOSAL, "id. decision makers": Stage.QUALIFICATION,
    "perception analysis": Stage.PROPOSAL, "decision maker bought-in": Stage.NEGOTIATION,
    "proposal/price quote": Stage.PROPOSAL, "contract sent": Stage.NEGOTIATION,
    "negotiation/review": Stage.NEGOTIATION, "closed won": Stage.CLOSED,
    "closed lost": Stage.CLOSED,
}  # fmt: skip


def import_crm(crm: CrmFile, ctx: ImportContext) -> None:
    ctx.report.format = f"{crm.source} {crm.entity} csv"
    handler = {"account": _account, "contact": _contact, "opportunity": _opportunity}[crm.entity]
    owners = _Owners(ctx)
    for record in crm.records():
        handler(record, crm, ctx, owners)
        ctx.tick()


class _Owners:
    """CRM owner names -> users of the team (the importing user when nobody matches)."""

    def __init__(self, ctx: ImportContext) -> None:
        self.ctx = ctx
        self.by_name = {}
        for user in get_user_model().objects.filter(memberships__team=ctx.team):
            for label in {user.get_full_name(), user.username, user.email}:
                if label:
                    self.by_name[label.casefold()] = user

    def get(self, name: str):
        return self.by_name.get(name.strip().casefold(), self.ctx.user)


def _ref(ctx: ImportContext, crm: CrmFile, entity: str, external_id: str):
    if not external_id:
        return None
    return ExternalRef.objects.filter(
        team=ctx.team, source=crm.source, entity=entity, external_id=external_id
    ).first()


def _remember(ctx: ImportContext, crm: CrmFile, entity: str, external_id: str, pk: int) -> None:
    if external_id:
        ExternalRef.objects.update_or_create(
            team=ctx.team,
            source=crm.source,
            entity=entity,
            external_id=external_id,
            defaults={"object_id": pk},
        )


def _apply(obj, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if value in ("", None):
            continue  # an empty CRM cell never wipes what we know
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _save(obj, created: bool, entity: str, ctx: ImportContext, changed: bool, label: str) -> None:
    if created:
        obj.full_clean()
        obj.save()
        ctx.report.create(entity)
    elif changed:
        obj.full_clean()
        obj.save()
        ctx.report.update(entity)
    else:
        ctx.report.skip(label, reason(gettext_noop("unchanged")))


def _line(record: CrmRecord) -> Message:
    return Message(gettext_noop("line %(n)d"), {"n": record.line})


def _no_account(record: CrmRecord) -> Message:
    return reason(
        gettext_noop("no account named %(name)r: import the companies first, or give --account"),
        name=record.get("account_name"),
    )


def _account(record: CrmRecord, crm: CrmFile, ctx: ImportContext, owners: _Owners) -> None:
    name = record.get("name")
    if not name:
        ctx.report.skip(_line(record), reason(gettext_noop("no company name")))
        return
    ext = record.get("external_id")
    ref = _ref(ctx, crm, "account", ext)
    visible = ctx.visible.filter(team=ctx.team)
    account = visible.filter(pk=ref.object_id).first() if ref else None
    if account is None:
        account = visible.annotate(lower=Lower("name")).filter(lower=name.lower()).first()
    created = account is None
    if created:
        account = Account(team=ctx.team, owner=owners.get(record.get("owner")), name=name)
        account.kind = _kind(record.get("kind"))
    changed = _apply(
        account,
        {
            "name": name[:200],
            "industry": record.get("industry")[:100],
            "country": _country(record.get("country")),
            "size_band": _size_band(record.get("employees")),
        },
    )
    _save(account, created, "account", ctx, changed, name)
    _remember(ctx, crm, "account", ext, account.pk)


def _find_account(record: CrmRecord, crm: CrmFile, ctx: ImportContext) -> Account | None:
    ref = _ref(ctx, crm, "account", record.get("account_external_id").split(";")[0].strip())
    visible = ctx.visible
    if ref is not None:
        found = visible.filter(pk=ref.object_id).first()
        if found:
            return found
    if ctx.account is not None:
        return ctx.account
    name = record.get("account_name")
    if not name:
        return None
    return visible.annotate(lower=Lower("name")).filter(lower=name.lower()).first()


def _contact(record: CrmRecord, crm: CrmFile, ctx: ImportContext, owners: _Owners) -> None:
    name = record.get("name") or " ".join(
        p for p in (record.get("first_name"), record.get("last_name")) if p
    )
    email = record.get("email").lower()
    label = name or email or _line(record)
    if not name and not email:
        ctx.report.skip(label, reason(gettext_noop("no name and no e-mail")))
        return
    account = _find_account(record, crm, ctx)
    if account is None:
        ctx.report.skip(
            label,
            _no_account(record),
        )
        return
    ext = record.get("external_id")
    ref = _ref(ctx, crm, "contact", ext)
    contact = Contact.objects.filter(pk=ref.object_id, account=account).first() if ref else None
    if contact is None and email:
        contact = (
            Contact.objects.filter(account=account)
            .annotate(lower=Lower("email"))
            .filter(lower=email)
            .first()
        )
    created = contact is None
    if created:
        contact = Contact(account=account, language=account.language, name=name or email)
    if contact.erased_at is not None:
        ctx.report.skip(label, reason(gettext_noop("this person asked to be erased")))
        return
    changed = _apply(
        contact,
        {
            "name": name[:200],
            "email": email,
            "phone": record.get("phone")[:40],
            "job_title": record.get("job_title")[:200],
        },
    )
    _save(contact, created, "contact", ctx, changed, label)
    _remember(ctx, crm, "contact", ext, contact.pk)


def _opportunity(record: CrmRecord, crm: CrmFile, ctx: ImportContext, owners: _Owners) -> None:
    title = record.get("title")
    if not title:
        ctx.report.skip(_line(record), reason(gettext_noop("no deal name")))
        return
    account = _find_account(record, crm, ctx)
    if account is None:
        ctx.report.skip(
            title,
            _no_account(record),
        )
        return
    ext = record.get("external_id")
    ref = _ref(ctx, crm, "opportunity", ext)
    opportunity = (
        Opportunity.objects.filter(pk=ref.object_id, account=account).first() if ref else None
    )
    if opportunity is None:
        opportunity = Opportunity.objects.filter(account=account, title=title).first()
    created = opportunity is None
    if created:
        opportunity = Opportunity(account=account, title=title[:200])
        opportunity.owner = owners.get(record.get("owner"))
    stage_label = record.get("stage").casefold()
    outcome = _outcome(record, stage_label)
    close_date = _date(record.get("close_date"), crm, record)
    values = {
        "title": title[:200],
        "amount": _amount(record.get("amount"), crm, record),
        "expected_close": close_date,
    }
    if outcome == Outcome.OPEN:
        values["stage"] = STAGES.get(stage_label, opportunity.stage or Stage.DISCOVERY)
    changed = _apply(opportunity, values)
    if created or changed:
        opportunity.full_clean()
        opportunity.save()
    if outcome != Outcome.OPEN and opportunity.outcome != outcome:
        # Through the deals service: a "no" opens its perseverance plan.
        record_outcome(
            opportunity,
            outcome,
            reason=_loss_reason(record.get("loss_reason")) if outcome == Outcome.LOST else "",
            decided_at=close_date or ctx.now.date(),
            competitor=record.get("loss_reason")[:200]
            if "compet" in record.get("loss_reason").lower()
            else "",
            by=ctx.user,
        )
        changed = True
    if created:
        ctx.report.create("opportunity")
    elif changed:
        ctx.report.update("opportunity")
    else:
        ctx.report.skip(title, reason(gettext_noop("unchanged")))
    _remember(ctx, crm, "opportunity", ext, opportunity.pk)


def _outcome(record: CrmRecord, stage: str) -> str:
    won = record.get("won").lower() in {"1", "true", "yes", "oui"}
    closed = record.get("closed").lower() in {"1", "true", "yes", "oui"}
    if stage == "closed won" or won:
        return Outcome.WON
    if stage == "closed lost" or (closed and not won):
        return Outcome.LOST
    return Outcome.OPEN


def _loss_reason(text: str) -> str:
    lowered = text.lower()
    for needles, code in (
        (("price", "prix", "cheaper", "cost", "tarif"), "price"),
        (("compet", "concurren"), "competitor"),
        (("timing", "budget", "later", "délai"), "timing"),
        (("no need", "pas de besoin", "not needed"), "no_need"),
    ):
        if any(n in lowered for n in needles):
            return code
    return "other"


def _kind(value: str) -> str:
    lowered = value.casefold()
    if "former" in lowered or "churn" in lowered or "ancien" in lowered:
        return AccountKind.FORMER
    if "customer" in lowered or "client" in lowered:
        return AccountKind.CUSTOMER
    return AccountKind.PROSPECT


def _country(value: str) -> str:
    value = value.strip()
    if len(value) == 2 and value.isalpha():
        return value.upper()
    return COUNTRIES.get(value.casefold(), "")


def _size_band(value: str) -> str:
    try:
        employees = int(Decimal(value.replace(" ", "").replace(",", "")))
    except (InvalidOperation, ValueError):
        return ""
    for limit, band in (
        (10, SizeBand.MICRO),
        (50, SizeBand.SMALL),
        (250, SizeBand.MEDIUM),
        (1000, SizeBand.LARGE),
    ):
        if employees < limit:
            return band
    return SizeBand.ENTERPRISE


def _amount(value: str, crm: CrmFile, record: CrmRecord) -> Decimal | None:
    cleaned = value.replace("\xa0", "").replace(" ", "").replace("€", "").replace("$", "")
    if not cleaned:
        return None
    if crm.delimiter == ";":  # European exports write 1.234,50
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as exc:
        raise IngestError(
            gettext_noop("amount %(value)s is not a number"),
            params={"value": Quoted(value)},
            filename=crm.filename,
            line=record.line,
        ) from exc
    if amount < 0:
        raise IngestError(
            gettext_noop("negative amount %(value)s"),
            params={"value": Quoted(value)},
            filename=crm.filename,
            line=record.line,
        )
    return amount


def _date(value: str, crm: CrmFile, record: CrmRecord) -> dt.date | None:
    """ISO dates, and d/m/y or m/d/y: the day is the part above 12, else ';' files are d/m/y."""
    value = value.strip().split(" ")[0]
    if not value:
        return None
    try:
        if "-" in value:
            return dt.date.fromisoformat(value)
        first, second, year = (int(p) for p in value.split("/"))
        if first > 12 or (second <= 12 and crm.delimiter == ";"):
            day, month = first, second
        else:
            month, day = first, second
        return dt.date(year, month, day)
    except ValueError as exc:
        raise IngestError(
            gettext_noop("date %(value)s is not a date"),
            params={"value": Quoted(value)},
            filename=crm.filename,
            line=record.line,
        ) from exc
