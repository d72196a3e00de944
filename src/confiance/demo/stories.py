"""What happens on the story accounts: scripted interactions, promises, "no"s and topics.

Everything else is generated around these facts; they are what the scorecard, the radar,
the perseverance plans, the buying-group map and the brief are expected to find.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scripted:
    """An interaction placed on a given day: a prep note, or a meeting with a transcript."""

    days_ago: int
    kind: str  # "prep_note", "meeting" or "upcoming"
    bank: str  # prep: "combative"/"collaborative"; meeting: a transcripts.py script kind
    index: int = 0
    title: str = ""
    with_manager: bool = False
    #: Template values that the story fixes, such as the competitor's price gap.
    values: tuple[tuple[str, str], ...] = ()
    #: For an upcoming meeting (``days_ago`` < 0): its agenda.
    agenda: str = ""


def _upcoming(in_days: int, title: str, agenda: str) -> Scripted:
    """A meeting in the diary: the brief prepares it, nothing has been said yet."""
    return Scripted(-in_days, "upcoming", "", title=title, agenda=agenda)


SCRIPTED: dict[str, list[Scripted]] = {
    "mercier": [
        _upcoming(
            3,
            "Comparaison ligne à ligne avec l'offre Maintivo",
            "Ordre du jour : reprendre l'offre concurrente ligne par ligne (périmètre, "
            "support sur site, reprise des données) ; revoir les besoins du site de "
            "Grenoble ; décider ensemble de la suite.",
        ),
        Scripted(41, "prep_note", "combative", 1),
        Scripted(16, "prep_note", "combative", 0),
        Scripted(
            15, "meeting", "tense", 0, "Revue de l'offre d'extension", values=(("gap", "20"),)
        ),
    ],
    "metropole": [
        Scripted(21, "prep_note", "collaborative", 0),
        Scripted(20, "meeting", "split", 0, "Atelier calendrier de déploiement"),
    ],
    "fromageries": [
        Scripted(30, "meeting", "collaborative", 1, "Découverte des besoins"),
        _upcoming(
            6,
            "Présentation de la proposition",
            "Ordre du jour : la proposition pour les six fromageries ; le témoignage "
            "des Laiteries des Monts d'Auvergne ; les questions de l'équipe achats.",
        ),
    ],
    "evr": [
        Scripted(
            228, "meeting", "tense", 0, "Négociation du renouvellement", values=(("gap", "12"),)
        )
    ],
    "hexagone": [
        Scripted(160, "meeting", "collaborative", 0, "Revue annuelle"),
        # Sophie prepares to call them again after the silence, in the wrong frame of mind.
        Scripted(2, "prep_note", "combative", 2),
    ],
    "atlas": [
        Scripted(30, "prep_note", "combative", 0),
        Scripted(29, "meeting", "combative", 0, "Rollout schedule review", with_manager=True),
    ],
    "northbridge": [
        _upcoming(
            5,
            "Hosting decision meeting",
            "Agenda: both hosting options costed, offline mode included; the data "
            "protection review; agree a recommendation for the board.",
        ),
        Scripted(41, "meeting", "collaborative", 1, "Migration planning"),
        Scripted(12, "prep_note", "collaborative", 0),
        Scripted(11, "meeting", "split", 0, "Hosting options workshop"),
    ],
    "harrow": [Scripted(60, "meeting", "collaborative", 0, "Annual review")],
    "kestrel": [
        Scripted(25, "prep_note", "combative", 2),
        _upcoming(
            8,
            "Phase one scope review",
            "Agenda: what phase one covers and what it "
            "leaves out; the discount asked for; the next step and who takes it.",
        ),
    ],
}

#: Buying roles of the contacts, in order, where the story needs particular people.
ROLES: dict[str, list[str]] = {
    "hexagone": [
        "champion",
        "economic_buyer",
        "technical_evaluator",
        "decision_maker",
        "user",
        "finance",
    ],
    "northbridge": [
        "champion",
        "economic_buyer",
        "technical_evaluator",
        "decision_maker",
        "blocker",
        "user",
    ],
    "metropole": ["champion", "economic_buyer", "technical_evaluator", "decision_maker", "user"],
    "fromageries": ["champion", "procurement", "technical_evaluator", "decision_maker", "user"],
    "atlas": ["champion", "procurement", "decision_maker", "technical_evaluator", "user"],
}


@dataclass(frozen=True)
class Promise:
    """A commitment written into the story, resolved (or not) on given days."""

    party: str
    kind: str
    description: str
    made_days_ago: int
    due_days_ago: int  # negative: due in the future
    status: str
    resolved_days_ago: int | None = None
    hours: int | None = None
    amount: int | None = None
    #: (status, days ago, note) changes after the first resolution, e.g. a reopening.
    history: tuple[tuple[str, int, str], ...] = ()


PROMISES: dict[str, list[Promise]] = {
    "hexagone": [
        Promise(
            "ours",
            "deliverable",
            "Livrer le plan de migration vers la version 5 pour les quatorze entrepôts",
            100,
            45,
            "open",
            hours=60,
        ),
        Promise(
            "ours",
            "investment",
            "Organiser le point trimestriel avec la direction logistique",
            130,
            90,
            "broken",
            60,
        ),
        Promise(
            "theirs",
            "information",
            "Transmettre l'inventaire des terminaux mobiles",
            130,
            110,
            "kept",
            112,
        ),
    ],
    "atlas": [
        Promise(
            "ours",
            "deliverable",
            "Send the revised rollout plan for the Memphis hub",
            29,
            12,
            "open",
            hours=16,
        ),
        Promise(
            "theirs",
            "investment",
            "Provide two dispatchers for the pilot",
            120,
            -10,
            "withdrawn",
            60,
            hours=80,
            history=(
                ("open", 35, "Their new operations director put the pilot back on the table."),
            ),
        ),
        Promise(
            "theirs",
            "concession",
            "Waive the late-delivery penalties for Q1",
            200,
            170,
            "broken",
            150,
            amount=12_000,
        ),
    ],
    "mercier": [
        Promise(
            "ours",
            "deliverable",
            "Envoyer le chiffrage détaillé de l'extension à Grenoble",
            40,
            30,
            "kept_late",
            21,
        ),
    ],
    "metropole": [
        Promise(
            "ours",
            "deliverable",
            "Chiffrer les deux scénarios de déploiement, reprise de l'historique comprise",
            20,
            -5,
            "open",
            hours=12,
        ),
        Promise(
            "theirs",
            "information",
            "Transmettre l'inventaire des sites et des logements par agence",
            20,
            6,
            "kept",
            8,
        ),
    ],
    "northbridge": [
        Promise(
            "ours",
            "deliverable",
            "Cost both hosting options, offline mode included",
            11,
            -9,
            "open",
            hours=10,
        ),
        Promise(
            "theirs",
            "information",
            "Export a sample of asset records for the migration test",
            41,
            30,
            "kept_late",
            26,
        ),
    ],
}


@dataclass(frozen=True)
class Deal:
    title: str
    amount: int
    outcome: str  # open / won / lost / no_decision
    stage: str = "closed"
    decided_days_ago: int | None = None
    reason: str = ""
    competitor: str = ""
    gap: float | None = None
    discount: float | None = None
    expected_in_days: int | None = None
    #: Won back this many days ago after the "no" (the perseverance plan reversed it).
    won_back_days_ago: int | None = None


DEALS: dict[str, list[Deal]] = {
    "hexagone": [
        Deal(
            "Renouvellement du contrat cadre 2026-2028",
            480_000,
            "won",
            decided_days_ago=290,
            discount=5,
        ),
        Deal("Passage à la version 5", 140_000, "open", stage="qualification", expected_in_days=60),
    ],
    "mercier": [
        Deal("Renouvellement du contrat cadre", 250_000, "won", decided_days_ago=400, discount=8),
        Deal(
            "Extension GMAO sites de Lyon et Grenoble",
            180_000,
            "lost",
            decided_days_ago=9,
            reason="price",
            competitor="Maintivo",
            gap=20,
        ),
    ],
    "evr": [
        Deal(
            "Renouvellement et extension aux centrales hydrauliques",
            230_000,
            "lost",
            decided_days_ago=220,
            reason="competitor",
            competitor="FieldCore",
            gap=12,
            won_back_days_ago=120,
            discount=6,
        ),
    ],
    "belleepoque": [
        Deal(
            "Maintenance des cinq hôtels",
            45_000,
            "no_decision",
            decided_days_ago=150,
            reason="timing",
        ),
    ],
    "laurentides": [
        Deal(
            "Plateforme de maintenance biomédicale",
            160_000,
            "lost",
            decided_days_ago=95,
            reason="price",
        ),
    ],
    "mapleleaf": [
        Deal(
            "Fleet maintenance platform",
            210_000,
            "no_decision",
            decided_days_ago=120,
            reason="other",
        ),
    ],
    "oakridge": [
        Deal(
            "Plant maintenance rollout",
            95_000,
            "lost",
            decided_days_ago=12,
            reason="competitor",
            competitor="FieldCore",
            gap=25,
        ),
    ],
    "bluewater": [
        Deal(
            "Group renewal 2025",
            140_000,
            "lost",
            decided_days_ago=365,
            reason="competitor",
            competitor="Opteam Pro",
            gap=15,
        ),
    ],
    "ribeiro": [
        Deal(
            "Renouvellement 2025",
            38_000,
            "lost",
            decided_days_ago=335,
            reason="competitor",
            competitor="Servalis",
            gap=10,
        ),
    ],
    "montaigne": [
        Deal("Renouvellement des licences", 18_000, "lost", decided_days_ago=405, reason="no_need"),
    ],
    "wexford": [
        Deal("Renewal and upgrade", 60_000, "lost", decided_days_ago=425, reason="timing"),
    ],
    "atlas": [
        Deal("Three-year renewal", 290_000, "won", decided_days_ago=300, discount=22),
        Deal("Memphis hub rollout", 120_000, "open", stage="negotiation", expected_in_days=40),
    ],
    "kestrel": [
        Deal(
            "Maintenance platform, phase one",
            85_000,
            "open",
            stage="negotiation",
            discount=12,
            expected_in_days=30,
        ),
    ],
    "fromageries": [
        Deal(
            "GMAO pour les six fromageries", 115_000, "open", stage="proposal", expected_in_days=45
        ),
    ],
    "calder": [
        Deal(
            "Maintenance platform for three bakeries",
            80_000,
            "open",
            stage="proposal",
            expected_in_days=50,
        ),
    ],
    "pharmacoop": [
        Deal(
            "Maintenance des plateformes logistiques",
            70_000,
            "open",
            stage="qualification",
            expected_in_days=90,
        ),
    ],
    "greystone": [
        Deal("Planned maintenance pilot", 30_000, "open", stage="discovery", expected_in_days=120)
    ],
    "lakeside": [
        Deal("Highways asset maintenance", 150_000, "open", stage="discovery", expected_in_days=150)
    ],
    "brasseries": [
        Deal(
            "Maintenance des lignes de conditionnement",
            25_000,
            "open",
            stage="discovery",
            expected_in_days=120,
        )
    ],
}
