"""Per-person access and erasure, as the GDPR requires.

Erasure replaces the person's name, addresses, phone, their words in transcripts and the
e-mails they wrote with ``[erased]``, everywhere; the numbers built from them (tone,
counts, talk share) stay, so that scores remain meaningful. An ErasureRecord logs who
erased and when, never whose data.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from confiance.accounts.models import Contact, ContactEmail, StakeholderPosition
from confiance.imports.models import EmailMessage, ErasureRecord
from confiance.interactions.models import Interaction, Segment

MARK = "[erased]"


def find_contacts(email: str) -> QuerySet[Contact]:
    """Contacts with this address, as primary or further address."""
    email = email.strip()
    return Contact.objects.filter(
        Q(email__iexact=email) | Q(extra_emails__address__iexact=email)
    ).distinct()


def export_person(email: str) -> dict:
    """Everything held about the contact(s) with this address, JSON-serialisable."""
    contacts = list(find_contacts(email).select_related("account"))
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "contacts": [_contact_data(c) for c in contacts],
    }


def _contact_data(contact: Contact) -> dict:
    sent = set(
        EmailMessage.objects.filter(sender_contact=contact).values_list("interaction_id", flat=True)
    )
    interactions = Interaction.objects.filter(
        Q(contacts=contact) | Q(pk__in=sent) | Q(segments__contact=contact)
    ).distinct()
    return {
        "id": contact.pk,
        "account": contact.account.name,
        "name": contact.name,
        "job_title": contact.job_title,
        "email": contact.email,
        "other_emails": [e.address for e in contact.extra_emails.all()],
        "phone": contact.phone,
        "language": contact.language,
        "buying_role": contact.buying_role,
        "influence": contact.influence,
        "erased_at": contact.erased_at.isoformat() if contact.erased_at else None,
        "positions": [
            {
                "topic": p.topic.title,
                "priority": p.priority,
                "preferred_alternative": p.preferred_alternative,
                "perceived_risk": p.perceived_risk,
                "stance": p.stance,
            }
            for p in contact.positions.select_related("topic")
        ],
        "commitments": [
            {
                "description": c.description,
                "kind": c.kind,
                "due_date": c.due_date.isoformat() if c.due_date else None,
                "status": c.status,
            }
            for c in contact.commitments.all()
        ],
        "interactions": [
            {
                "id": i.pk,
                "kind": i.kind,
                "occurred_at": i.occurred_at.isoformat(),
                "title": i.title,
                "written_by_them": i.pk in sent,
                "text": i.body if i.pk in sent else "",
                "tone": i.tone,
            }
            for i in interactions
        ],
        "transcript_turns": [
            {"interaction": s.interaction_id, "start": s.start, "end": s.end, "text": s.text}
            for s in Segment.objects.filter(contact=contact).order_by("interaction", "position")
        ],
    }


def erase_person(email: str, *, by, via: str) -> ErasureRecord:
    """Erase the contact(s) with this address everywhere, in one transaction."""
    with transaction.atomic():
        ids = list(find_contacts(email).values_list("pk", flat=True))
        # Locked so that a concurrent import cannot write to them half-way.
        contacts = list(Contact.objects.filter(pk__in=ids).select_for_update())
        names = {c.name for c in contacts if c.name and c.name != MARK}
        addresses = {email.strip().lower()}
        for contact in contacts:
            addresses.update(a.lower() for a in contact.addresses)
        pattern = _pattern(names | addresses)
        segments = _erase_segments(contacts, names)
        messages = _erase_messages(contacts, pattern)
        StakeholderPosition.objects.filter(contact__in=contacts).update(stance=MARK)
        ContactEmail.objects.filter(contact__in=contacts).delete()
        now = timezone.now()
        for contact in contacts:
            contact.name, contact.email, contact.phone, contact.job_title = MARK, "", "", ""
            contact.erased_at = now
            contact.save(
                update_fields=["name", "email", "phone", "job_title", "erased_at", "updated_at"]
            )
        return ErasureRecord.objects.create(
            performed_by=by if getattr(by, "pk", None) else None,
            via=via,
            contacts=len(contacts),
            segments=segments,
            messages=messages,
        )


def _pattern(words: set[str]) -> re.Pattern[str] | None:
    """Full names, addresses, and each part of a name ("Bonjour Claire") as whole words."""
    parts = set(words)
    for word in words:
        if "@" not in word:
            parts.update(word.split())
    parts = {p for p in parts if len(p) >= 3}
    if not parts:
        return None
    alternatives = sorted((re.escape(p) for p in parts), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _scrub_mentions(analysis, pattern: re.Pattern[str]):
    if not isinstance(analysis, dict):
        return analysis
    for key in ("findings", "moves", "commitments"):
        for item in analysis.get(key) or []:
            for field in ("text", "action", "rewrite", "question", "speaker"):
                if isinstance(item.get(field), str):
                    item[field] = pattern.sub(MARK, item[field])
    return analysis


def _erase_segments(contacts: list[Contact], names: set[str]) -> int:
    accounts = {c.account_id for c in contacts}
    segments = Segment.objects.filter(
        Q(contact__in=contacts) | Q(speaker_label__in=names, interaction__account__in=accounts)
    )
    by_interaction: dict[int, set[int]] = {}
    for interaction_id, position in segments.values_list("interaction_id", "position"):
        by_interaction.setdefault(interaction_id, set()).add(position)
    count = segments.update(text=MARK, speaker_label=MARK)
    for interaction in Interaction.objects.filter(pk__in=by_interaction):
        interaction.analysis = _scrub_analysis(
            interaction.analysis, by_interaction[interaction.pk], names
        )
        interaction.save(update_fields=["analysis"])
    return count


def _scrub_analysis(analysis, positions: set[int] | None, names: set[str]):
    """Blank the quoted words of the erased turns (or of the whole text); keep the numbers."""
    if not isinstance(analysis, dict):
        return analysis
    for key in ("findings", "moves", "commitments"):
        for item in analysis.get(key) or []:
            if (
                positions is None
                or item.get("segment") in positions
                or item.get("speaker") in names
            ):
                for field in ("text", "action", "rewrite", "question"):
                    if field in item:
                        item[field] = MARK
                if item.get("speaker") in names:
                    item["speaker"] = MARK
    for key in ("speakers", "segments"):
        for item in analysis.get(key) or []:
            if item.get("speaker") in names:
                item["speaker"] = MARK
    return analysis


def _erase_messages(contacts: list[Contact], pattern: re.Pattern[str] | None) -> int:
    written = Interaction.objects.filter(email_message__sender_contact__in=contacts)
    count = 0
    for interaction in written:
        interaction.body, interaction.title = MARK, MARK
        interaction.analysis = _scrub_analysis(interaction.analysis, None, set())
        interaction.save(update_fields=["body", "title", "analysis"])
        count += 1
    if pattern is None:
        return count
    # Elsewhere their name and address are blanked where they appear.
    mentioned = (
        Interaction.objects.filter(contacts__in=contacts)
        .exclude(pk__in=written.values("pk"))
        .distinct()
    )
    for interaction in mentioned:
        body = pattern.sub(MARK, interaction.body)
        title = pattern.sub(MARK, interaction.title)
        if (body, title) != (interaction.body, interaction.title):
            interaction.body, interaction.title = body, title
            interaction.analysis = _scrub_mentions(interaction.analysis, pattern)
            interaction.save(update_fields=["body", "title", "analysis"])
        for segment in interaction.segments.exclude(text=MARK):
            text = pattern.sub(MARK, segment.text)
            if text != segment.text:
                segment.text = text
                segment.save(update_fields=["text"])
    return count
