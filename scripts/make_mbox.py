"""Write a deterministic mbox archive of realistic sales e-mail threads (for ``make bench``).

    python scripts/make_mbox.py OUT.mbox [--messages 50000] [--seed 7]

Threads of 1-8 messages between sellers and the contacts of 40 customer accounts, in
French and English; plain, multipart/alternative, HTML-only, quoted-printable and base64
bodies, quoted replies and signatures, some attachments: the shapes of
tests/fixtures/ingest. ``roster()`` gives the people, so a benchmark can create them first.
"""

from __future__ import annotations

import argparse
import base64
import quopri
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

SELLERS = [
    ("Sophie Martin", "sophie.martin@confiance.example"),
    ("Tom Bernard", "tom.bernard@confiance.example"),
]
FIRST = ["Claire", "Paul", "Hélène", "Marc", "Julie", "Karim", "Anne", "David", "Léa", "Hugo"]
LAST = ["Dubois", "Léroy", "Garnier", "Moreau", "Fournier", "Girard", "Bonnet", "Mercier"]
COMPANIES = [f"Client {i:02d}" for i in range(40)]

EN = [
    "Thanks for the call yesterday, it helped us understand where finance stands.",
    "Could you tell me what matters most to your team in this renewal?",
    "They just don't get it, we have to stand firm on the price.",
    "I will send you the like-for-like comparison by Friday.",
    "We hear your concern about the migration risk; let's look at it together.",
    "Our legal team needs two more weeks before signing.",
    "Honestly, the competitor is 20% cheaper on the same licences.",
    "Would it help if we ran a pilot with two teams first?",
]
FR = [
    "Merci pour l'échange d'hier, cela nous a aidés à comprendre la position des achats.",
    "Pourriez-vous me dire ce qui compte le plus pour votre équipe ?",
    "Ils ne comprennent rien, il faut tenir bon sur le prix.",
    "Je vous envoie la comparaison détaillée d'ici vendredi.",
    "Nous entendons votre inquiétude sur la migration ; regardons-la ensemble.",
    "Notre service juridique a besoin de deux semaines de plus.",
    "Le concurrent est 20 % moins cher sur les mêmes licences.",
    "Et si nous commencions par un pilote avec deux équipes ?",
]


@dataclass(frozen=True)
class Person:
    name: str
    address: str
    company: str  # "" for sellers


def roster() -> list[Person]:
    """Every contact the generated mail involves, five per company, plus the sellers."""
    people = [Person(n, a, "") for n, a in SELLERS]
    rng = random.Random(1)
    for index, company in enumerate(COMPANIES):
        domain = f"client{index:02d}.example"
        for _ in range(5):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            local = f"{first}.{last}".lower().replace("é", "e").replace("è", "e")
            address = f"{local}{rng.randrange(100)}@{domain}"
            people.append(Person(f"{first} {last}", address, company))
    return people


def _body(rng: random.Random, lang: str, sender: Person, quoted: str) -> str:
    lines = rng.sample(FR if lang == "fr" else EN, k=rng.randint(1, 4))
    greeting = "Bonjour," if lang == "fr" else "Hello,"
    closing = "Cordialement," if lang == "fr" else "Best regards,"
    text = f"{greeting}\n\n" + "\n\n".join(lines) + f"\n\n{closing}\n{sender.name}\n"
    if rng.random() < 0.3:
        text += "-- \n+33 1 23 45 67 89\n"
    if quoted:
        text += "\n" + (
            "Le lun. 16 nov. 2026, a écrit :\n" if lang == "fr" else "On Mon, Nov 16, 2026 wrote:\n"
        )
        text += "".join(f"> {line}\n" for line in quoted.splitlines()[:12])
    return text


def _mime(rng: random.Random, text: str) -> str:
    shape = rng.random()
    if shape < 0.4:
        payload = quopri.encodestring(text.encode("utf-8")).decode("ascii")
        return f"Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n{payload}"
    html = "<html><body>" + "".join(
        f"<p>{line}</p>" for line in text.splitlines() if not line.startswith(">")
    )
    html += "</body></html>"
    if shape < 0.55:
        payload = base64.encodebytes(html.encode("utf-8")).decode("ascii")
        return f"Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n{payload}"
    boundary = f"=_b{rng.randrange(10**12):012d}"
    parts = [
        f"Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n{base64.encodebytes(text.encode()).decode()}",
        f"Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n{quopri.encodestring(html.encode()).decode()}",
    ]
    body = "".join(f"--{boundary}\n{part}\n" for part in parts) + f"--{boundary}--\n"
    if shape > 0.9:
        outer = f"=_o{rng.randrange(10**12):012d}"
        attachment = base64.encodebytes(bytes(rng.randrange(256) for _ in range(600))).decode()
        return (
            f'Content-Type: multipart/mixed; boundary="{outer}"\n\n--{outer}\n'
            f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n{body}\n--{outer}\n'
            'Content-Type: application/pdf; name="devis.pdf"\nContent-Disposition: attachment; filename="devis.pdf"\n'
            f"Content-Transfer-Encoding: base64\n\n{attachment}--{outer}--\n"
        )
    return f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n{body}'


def messages(count: int, seed: int = 7) -> Iterator[bytes]:
    """Yield ``count`` mbox entries (separator line included), deterministically."""
    rng = random.Random(seed)
    people = roster()
    by_company: dict[str, list[Person]] = {}
    for person in people:
        if person.company:
            by_company.setdefault(person.company, []).append(person)
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    produced = thread = 0
    while produced < count:
        thread += 1
        company = rng.choice(COMPANIES)
        contact = rng.choice(by_company[company])
        seller = Person(*rng.choice(SELLERS), "")
        lang = "fr" if rng.random() < 0.6 else "en"
        subject = f"{'Proposition' if lang == 'fr' else 'Proposal'} {company} #{thread}"
        when = start + timedelta(minutes=rng.randrange(60 * 24 * 300))
        ids: list[str] = []
        quoted = ""
        for position in range(min(rng.randint(1, 8), count - produced)):
            sender, recipient = (seller, contact) if position % 2 == 0 else (contact, seller)
            message_id = f"<t{thread}.m{position}.{seed}@bench.example>"
            text = _body(rng, lang, sender, quoted)
            headers = [
                f"From: {sender.name} <{sender.address}>",
                f"To: {recipient.name} <{recipient.address}>",
                f"Subject: {'Re: ' if position else ''}{subject}",
                f"Date: {format_datetime(when)}",
                f"Message-ID: {message_id}",
                "MIME-Version: 1.0",
            ]
            if ids:
                headers += [f"In-Reply-To: {ids[-1]}", f"References: {' '.join(ids[-5:])}"]
            raw = "\n".join(headers) + "\n" + _mime(rng, text)
            raw = "\n".join(
                ">" + line if line.startswith("From ") else line for line in raw.split("\n")
            )
            separator = f"From {sender.address} {when:%a %b %d %H:%M:%S %Y}\n"
            yield (separator + raw.rstrip("\n") + "\n\n").encode("utf-8")
            ids.append(message_id)
            quoted = text
            when += timedelta(hours=rng.randint(1, 72))
            produced += 1


def write_mbox(path: Path, count: int, seed: int = 7) -> int:
    """Write the archive; return its size in bytes."""
    with path.open("wb") as handle:
        for entry in messages(count, seed):
            handle.write(entry)
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = write_mbox(args.out, args.messages, args.seed)
    print(f"wrote {args.messages} messages, {size / 1048576:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
