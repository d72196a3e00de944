"""What the story's buying groups must decide, and where each stakeholder stands.

Northbridge (hosting) and Val-de-Loire Habitat (deployment) are split on purpose: the
buying-group map must find the divergence and the stakeholders with no known position.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stance:
    role: str
    priority: int
    alternative: str
    risk: str
    words: str


@dataclass(frozen=True)
class TopicSpec:
    title: str
    description: str
    stances: list[Stance] = field(default_factory=list)


TOPICS: dict[str, list[TopicSpec]] = {
    "metropole": [
        TopicSpec(
            "Calendrier de déploiement : basculement unique ou site par site",
            "Comment passer les douze agences sur le nouvel outil.",
            [
                Stance(
                    "technical_evaluator",
                    5,
                    "Site par site",
                    "Interruption du service d'astreinte",
                    "Je ne veux pas d'un week-end de bascule où tout s'arrête.",
                ),
                Stance(
                    "economic_buyer",
                    4,
                    "Basculement unique",
                    "Payer deux systèmes pendant dix-huit mois",
                    "Chaque mois de double fonctionnement coûte un poste.",
                ),
                Stance(
                    "champion",
                    5,
                    "Indifférent si l'historique est repris",
                    "Perte de l'historique des interventions",
                    "Les gardiens ont besoin de l'historique pour répondre aux locataires.",
                ),
                Stance(
                    "decision_maker",
                    3,
                    "Basculement unique à la rentrée",
                    "Retard sur le plan stratégique",
                    "Je veux une décision avant l'été.",
                ),
            ],
        ),
        TopicSpec(
            "Application mobile pour les gardiens",
            "Équiper ou non les gardiens.",
            [
                Stance(
                    "champion",
                    4,
                    "Oui, dès le premier lot",
                    "Adoption par les gardiens",
                    "C'est ce qui leur fera gagner du temps.",
                ),
                Stance(
                    "technical_evaluator",
                    3,
                    "Oui, dès le premier lot",
                    "Parc de téléphones hétérogène",
                    "D'accord, à condition de garder les téléphones existants.",
                ),
                Stance(
                    "economic_buyer",
                    3,
                    "Oui, dès le premier lot",
                    "Coût des licences mobiles",
                    "Si le gain de temps est mesuré, je suis pour.",
                ),
            ],
        ),
    ],
    "northbridge": [
        TopicSpec(
            "Hosting: cloud or on-premise",
            "Where the platform runs after the migration.",
            [
                Stance(
                    "technical_evaluator",
                    5,
                    "Managed cloud",
                    "Patching and weekend call-outs",
                    "We can't keep patching servers in the basement.",
                ),
                Stance(
                    "economic_buyer",
                    4,
                    "Stay on-premise",
                    "An unbudgeted subscription",
                    "The servers are paid for; the cloud is a new bill every year.",
                ),
                Stance(
                    "champion",
                    4,
                    "Either, if offline mode works",
                    "App unusable when the Wi-Fi drops",
                    "The wards just need it to work, everywhere.",
                ),
                Stance(
                    "blocker",
                    5,
                    "On-premise",
                    "Patient data leaving our network",
                    "Nothing leaves the trust until the data protection review is done.",
                ),
                Stance(
                    "decision_maker",
                    3,
                    "Cloud, phased",
                    "Missing the board's deadline",
                    "I want one recommendation the whole group can live with.",
                ),
            ],
        ),
        TopicSpec(
            "Integration with the patient administration system",
            "Which records flow between the two systems.",
            [
                Stance(
                    "technical_evaluator",
                    4,
                    "Nightly batch",
                    "Load on the PAS",
                    "Real time is nice but the PAS won't cope.",
                ),
                Stance(
                    "champion", 3, "Nightly batch", "Stale ward lists", "Overnight is fine for us."
                ),
            ],
        ),
    ],
    "fromageries": [
        TopicSpec(
            "Choix de l'éditeur",
            "Atelio ou Maintivo pour les six fromageries.",
            [
                Stance(
                    "champion",
                    5,
                    "Atelio",
                    "Adoption par les équipes de nuit",
                    "Les laiteries d'Auvergne en sont contentes, c'est un bon signe.",
                ),
                Stance(
                    "procurement",
                    4,
                    "Maintivo",
                    "Prix de la licence",
                    "Maintivo est moins cher sur la licence de base.",
                ),
                Stance(
                    "technical_evaluator",
                    3,
                    "Pas d'avis arrêté",
                    "Intégration avec l'ERP",
                    "Je veux voir les deux interfaces avant de me prononcer.",
                ),
            ],
        ),
    ],
    "hexagone": [
        TopicSpec(
            "Passage à la version 5",
            "Migrer les quatorze entrepôts en 2027.",
            [
                Stance(
                    "champion",
                    4,
                    "Oui, avec un plan de migration",
                    "Arrêt des entrepôts pendant la bascule",
                    "On attend le plan depuis des semaines.",
                ),
                Stance(
                    "economic_buyer",
                    5,
                    "Pas avant d'avoir le plan",
                    "Dépassement de budget",
                    "Sans plan chiffré, je ne valide rien.",
                ),
                Stance(
                    "decision_maker",
                    3,
                    "Reporter à 2028",
                    "Charge des équipes",
                    "Nous avons d'autres priorités cette année.",
                ),
            ],
        ),
    ],
    "atlas": [
        TopicSpec(
            "Contract term: one year or three",
            "Length of the next agreement.",
            [
                Stance(
                    "procurement",
                    5,
                    "Three years with a discount",
                    "Price rises",
                    "Lock in the rate, that's my job.",
                ),
                Stance(
                    "decision_maker",
                    4,
                    "One year",
                    "Being tied to a supplier that under-delivers",
                    "Show me the Memphis rollout first.",
                ),
                Stance(
                    "champion", 3, "Three years", "Losing momentum", "Crews are finally used to it."
                ),
            ],
        ),
    ],
}
