"""Every API operation, with a valid request against the ``world`` fixture.

``kind`` says how permissions apply:
- "list": answers 200 to anyone with a token, without the objects they may not see;
- "read": a visible object; 404 for people who may not see it;
- "write": changes a visible object or creates one under it; 404 when not visible;
- "own": creates something of the caller's own (an account in their team) or changes nothing
  (the coach): allowed for anyone with a token of the right scope;
- "team": the caller's team as a whole (the export): managers and administrators only;
- "admin": a person's data across accounts (GDPR access and erasure): administrators only.
``read_ok`` marks POSTs a read-only token may call because they store nothing.
``callers`` are the people of the account's team who get ``statuses``; the others of the team
get 403 ``forbidden`` (they may see the object, so a 404 would be a lie).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def fixture(name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes())


NOTE = (
    "We met Claire on Tuesday. Could you tell me what matters most to you in the hosting "
    "decision? I will send the revised quote by Friday."
)


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    path: str
    kind: str
    body: Callable[[dict], dict] | None = None
    list_key: str | None = None  # for lists: which world object must (not) appear
    ids: Callable[[dict], list[int]] = lambda body: [item["id"] for item in body["items"]]
    read_ok: bool = False
    multipart: bool = False  # body sent as a form with a file
    statuses: tuple[int, ...] = field(default=(200,))
    callers: tuple[str, ...] = ("seller", "manager", "admin")

    def url(self, world: dict) -> str:
        return self.path.format(**world)


ENDPOINTS = [
    Endpoint("me", "get", "me", "own"),
    Endpoint("list accounts", "get", "accounts", "list", list_key="account"),
    Endpoint("get account", "get", "accounts/{account}", "read"),
    Endpoint(
        "create account", "post", "accounts", "own",
        body=lambda w: {"name": "Fabrikam", "kind": "prospect"}, statuses=(201,),
    ),
    Endpoint("update account", "patch", "accounts/{account}", "write", body=lambda w: {"notes": "x"}),
    Endpoint("list contacts", "get", "contacts", "list", list_key="contact"),
    Endpoint("get contact", "get", "contacts/{contact}", "read"),
    Endpoint(
        "create contact", "post", "contacts", "write",
        body=lambda w: {"account_id": w["account"], "name": "Paul"}, statuses=(201,),
    ),
    Endpoint("update contact", "patch", "contacts/{contact}", "write", body=lambda w: {"influence": 5}),
    Endpoint("list topics", "get", "topics", "list", list_key="topic"),
    Endpoint("get topic", "get", "topics/{topic}", "read"),
    Endpoint(
        "create topic", "post", "topics", "write",
        body=lambda w: {"account_id": w["account"], "title": "Price"}, statuses=(201,),
    ),
    Endpoint("update topic", "patch", "topics/{topic}", "write", body=lambda w: {"decided": True}),
    Endpoint("list positions", "get", "positions", "list", list_key="position"),
    Endpoint("get position", "get", "positions/{position}", "read"),
    Endpoint(
        "create position", "post", "positions", "write",
        body=lambda w: {"contact_id": w["contact"], "topic_id": w["second_topic"]},
        statuses=(201,),
    ),
    Endpoint("update position", "patch", "positions/{position}", "write", body=lambda w: {"priority": 1}),
    Endpoint("list interactions", "get", "interactions", "list", list_key="interaction"),
    Endpoint("get interaction", "get", "interactions/{interaction}", "read"),
    Endpoint(
        "create interaction", "post", "interactions", "write",
        body=lambda w: {
            "account_id": w["account"], "kind": "note",
            "occurred_at": "2026-11-20T10:00:00+01:00", "text": NOTE,
        },
        statuses=(201,),
    ),
    Endpoint(
        "update interaction", "patch", "interactions/{interaction}", "write",
        body=lambda w: {"title": "Kick-off meeting"},
    ),
    Endpoint("list commitments", "get", "commitments", "list", list_key="commitment"),
    Endpoint("get commitment", "get", "commitments/{commitment}", "read"),
    Endpoint(
        "create commitment", "post", "commitments", "write",
        body=lambda w: {
            "account_id": w["account"], "party": "theirs", "kind": "information",
            "description": "Share the usage figures",
        },
        statuses=(201,),
    ),
    Endpoint(
        "update commitment", "patch", "commitments/{commitment}", "write",
        body=lambda w: {"description": "Send the revised quote"},
    ),
    Endpoint(
        "change commitment status", "post", "commitments/{commitment}/status", "write",
        body=lambda w: {"status": "kept"},
    ),
    Endpoint("list opportunities", "get", "opportunities", "list", list_key="opportunity"),
    Endpoint("get opportunity", "get", "opportunities/{opportunity}", "read"),
    Endpoint(
        "create opportunity", "post", "opportunities", "write",
        body=lambda w: {"account_id": w["account"], "title": "Upsell"}, statuses=(201,),
    ),
    Endpoint(
        "update opportunity", "patch", "opportunities/{opportunity}", "write",
        body=lambda w: {"stage": "proposal"},
    ),
    Endpoint(
        "record outcome", "post", "opportunities/{opportunity}/outcome", "write",
        body=lambda w: {"outcome": "lost", "reason": "price", "decided_at": "2026-11-20"},
    ),
    Endpoint("list plans", "get", "plans", "list", list_key="plan"),
    Endpoint("get plan", "get", "plans/{plan}", "read"),
    Endpoint(
        "update plan step", "patch", "plans/{plan}/steps/{step}", "write",
        body=lambda w: {"done_on": "2026-11-21"},
    ),
    Endpoint("coach", "post", "coach", "own", body=lambda w: {"text": NOTE}, read_ok=True),
    Endpoint(
        "list scorecards", "get", "scorecards", "list", list_key="account",
        ids=lambda body: [card["account_id"] for card in body["items"]],
    ),
    Endpoint("get scorecard", "get", "accounts/{account}/scorecard", "read"),
    Endpoint(
        "radar", "get", "radar", "list", list_key="account",
        ids=lambda body: [entry["account_id"] for entry in body["customers"]],
    ),
    Endpoint(
        "perseverance", "get", "perseverance", "list", list_key="plan",
        ids=lambda body: [plan["plan_id"] for plan in body["plans"]],
    ),
    Endpoint(
        "confirm a no", "post", "plans/{plan}/confirm-no", "write", body=lambda w: {},
        statuses=(204,),
    ),
    Endpoint("buying group", "get", "accounts/{account}/buying-group", "read"),
    Endpoint("brief", "get", "accounts/{account}/brief", "read"),
    Endpoint(
        "import a file", "post", "imports", "write", multipart=True,
        body=lambda w: {"account_id": str(w["account"]), "file": fixture("zoom.vtt")},
    ),
    Endpoint("delete contact", "delete", "contacts/{contact}", "write", statuses=(204,)),
    Endpoint("delete topic", "delete", "topics/{topic}", "write", statuses=(204,)),
    Endpoint("delete position", "delete", "positions/{position}", "write", statuses=(204,)),
    Endpoint("delete interaction", "delete", "interactions/{interaction}", "write", statuses=(204,)),
    Endpoint("delete opportunity", "delete", "opportunities/{opportunity}", "write", statuses=(204,)),
    Endpoint(
        "delete account", "delete", "accounts/{spare_account}", "write", statuses=(204,),
        callers=("manager", "admin"),
    ),
    Endpoint("export", "get", "export", "team", callers=("manager", "admin")),
    Endpoint("person export", "get", "people/{email}", "admin", callers=("admin",)),
    Endpoint("person erase", "post", "people/{email}/erase", "admin", callers=("admin",)),
]  # fmt: skip
