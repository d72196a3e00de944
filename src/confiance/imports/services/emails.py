"""E-mails (eml, mbox) -> e-mail interactions, in batches so that 50,000 messages stay fast.

A message belongs to the account given, else to the account of its thread, else to the
account of the known contacts on it. Threads are kept together through ``thread_key``:
a reply takes the key of the message it answers when that message is known.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_noop

from confiance.accounts.models import Account, Contact
from confiance.imports.models import EmailMessage
from confiance.imports.services.analysis import Reading
from confiance.imports.services.context import ImportContext
from confiance.imports.services.report import reason
from confiance.ingest.email import ParsedEmail
from confiance.ingest.errors import Message
from confiance.interactions.models import Interaction, InteractionKind, Source

BATCH = 500


def import_emails(
    messages: Iterable[tuple[ParsedEmail, Reading]], ctx: ImportContext, source: str
) -> None:
    """Import a stream of parsed, analysed messages; memory holds one batch at a time."""
    state = _ThreadState()
    batch: list[tuple[ParsedEmail, Reading]] = []
    for pair in messages:
        batch.append(pair)
        if len(batch) >= BATCH:
            _flush(batch, ctx, source, state)
            batch = []
    if batch:
        _flush(batch, ctx, source, state)


class _ThreadState:
    def __init__(self) -> None:
        self.thread_of: dict[str, str] = {}  # message id -> thread key
        self.account_of: dict[str, int] = {}  # thread key -> account id
        self.seen: set[tuple[int, str]] = set()  # (account, external id) imported in this run


def external_id(mail: ParsedEmail) -> str:
    return (mail.message_id or f"sha256:{mail.content_hash}")[:300]


def _flush(
    batch: list[tuple[ParsedEmail, Reading]], ctx: ImportContext, source: str, state: _ThreadState
) -> None:
    readings = {id(mail): reading for mail, reading in batch}
    mails = [mail for mail, _reading in batch]
    addresses = {a for mail in mails for a in mail.addresses}
    ctx.resolve_addresses(addresses)
    _resolve_threads(mails, state)
    planned: list[tuple[ParsedEmail, Account, str]] = []
    for mail in mails:
        account = _account_for(mail, ctx, state)
        label = mail.subject or mail.message_id or Message(gettext_noop("(no subject)"))
        if account is None:
            ctx.report.skip(
                label,
                reason(
                    gettext_noop("no account: no known contact on the message (give --account)")
                ),
            )
            ctx.tick()
            continue
        state.account_of.setdefault(mail.thread_key, account.pk)
        planned.append((mail, account, external_id(mail)))
    existing = set(
        Interaction.objects.filter(
            account__in={a.pk for _m, a, _e in planned},
            source__in=[Source.EML, Source.MBOX],
            external_id__in=[e for _m, _a, e in planned],
        ).values_list("account_id", "external_id")
    )
    rows = []
    for mail, account, ext in planned:
        key = (account.pk, ext)
        if key in existing or key in state.seen:
            ctx.report.skip(mail.subject or ext, reason(gettext_noop("already imported")))
            ctx.tick()
            continue
        state.seen.add(key)
        rows.append(_build(mail, readings[id(mail)], account, ext, ctx, source))
        ctx.tick()
    _save(rows, ctx)


def _resolve_threads(batch: list[ParsedEmail], state: _ThreadState) -> None:
    wanted = set()
    for mail in batch:
        wanted.update(i for i in [mail.in_reply_to, *mail.references] if i)
    unknown = [i for i in wanted if i not in state.thread_of]
    for i in range(0, len(unknown), 500):
        chunk = unknown[i : i + 500]
        for message_id, key, account_id in EmailMessage.objects.filter(
            message_id__in=chunk
        ).values_list("message_id", "thread_key", "interaction__account_id"):
            state.thread_of[message_id] = key
            state.account_of.setdefault(key, account_id)
    for mail in batch:
        for parent in [mail.in_reply_to, *reversed(mail.references)]:
            if parent and parent in state.thread_of:
                mail.thread_key = state.thread_of[parent]
                break
        if mail.message_id:
            state.thread_of.setdefault(mail.message_id, mail.thread_key)


def _account_for(mail, ctx: ImportContext, state: _ThreadState) -> Account | None:
    if ctx.account is not None:
        return ctx.account
    thread_account = state.account_of.get(mail.thread_key)
    if thread_account is not None:
        if thread_account not in ctx.accounts:
            ctx.accounts[thread_account] = ctx.visible.filter(pk=thread_account).first()
        if ctx.accounts[thread_account] is not None:
            return ctx.accounts[thread_account]
    # The sender's account first, then the recipients' in order.
    for address in mail.addresses:
        for contact in ctx.contacts_for(address):
            return contact.account
    return None


class _Row:
    __slots__ = ("interaction", "contacts", "users", "message")

    def __init__(self, interaction, contacts, users, message) -> None:
        self.interaction = interaction
        self.contacts = contacts
        self.users = users
        self.message = message


def _build(
    mail: ParsedEmail, reading: Reading, account: Account, ext: str, ctx: ImportContext, source: str
) -> _Row:
    contacts: dict[int, Contact] = {}
    users: dict[int, object] = {}
    for name, address in [mail.sender, *mail.to, *mail.cc]:
        if not address:
            continue
        found = ctx.contacts_for(address, account)
        user = ctx.user_for(address)
        if not found and user is None:
            # Created on request, an address is reported as a new contact, not as unknown.
            if not ctx.create_contacts:
                ctx.report.unknown[address] += 1
            else:
                contact = Contact.objects.create(
                    account=account,
                    name=(name or address.split("@")[0])[:200],
                    email=address,
                    language=account.language,
                )
                ctx.remember_contact(address, contact)
                ctx.report.create("contact")
                found = [contact]
        for contact in found:
            contacts[contact.pk] = contact
        if user is not None:
            users[user.pk] = user
    sender_address = mail.sender[1]
    sender_contacts = ctx.contacts_for(sender_address, account) if sender_address else []
    tone, analysis, problem = reading
    if problem:
        ctx.report.note(problem)
    interaction = Interaction(
        account=account,
        kind=InteractionKind.EMAIL,
        occurred_at=mail.date or ctx.now,
        title=mail.subject[:300],
        body=mail.body_text,
        language=(analysis or {}).get("lang", "") if analysis else "",
        source=Source.MBOX if source == "mbox" else Source.EML,
        external_id=ext,
        content_hash=mail.content_hash,
        created_by=ctx.user,
        tone=tone,
        analysis=analysis,
    )
    message = EmailMessage(
        message_id=mail.message_id[:300],
        in_reply_to=mail.in_reply_to[:300],
        thread_key=mail.thread_key[:300],
        sender_contact=sender_contacts[0] if sender_contacts else None,
        sender_user=ctx.user_for(sender_address) if sender_address else None,
        attachments=[{"filename": f, "content_type": t, "size": s} for f, t, s in mail.attachments],
    )
    return _Row(interaction, list(contacts.values()), list(users.values()), message)


def _save(rows: list[_Row], ctx: ImportContext) -> None:
    if not rows:
        return
    created = Interaction.objects.bulk_create([row.interaction for row in rows])
    contact_links = []
    user_links = []
    messages = []
    for row, interaction in zip(rows, created, strict=True):
        contact_links += [
            Interaction.contacts.through(interaction_id=interaction.pk, contact_id=c.pk)
            for c in row.contacts
        ]
        user_links += [
            Interaction.users.through(interaction_id=interaction.pk, user_id=u.pk)
            for u in row.users
        ]
        row.message.interaction = interaction
        messages.append(row.message)
    Interaction.contacts.through.objects.bulk_create(contact_links)
    Interaction.users.through.objects.bulk_create(user_links)
    EmailMessage.objects.bulk_create(messages)
    ctx.report.create("email", len(created))
