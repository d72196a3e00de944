"""The demo's people: our team, and the pools of names its customers' staff are drawn from."""

from __future__ import annotations

from dataclasses import dataclass

#: Printed by ``confiance demo-data`` and documented in docs/demo.md; a demo, not a secret.
DEMO_PASSWORD = "confiance-demo"  # noqa: S105
TEAM_NAME = "Grands comptes / Key accounts"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str  # a confiance.users.models.Role value
    language: str
    time_zone: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


USERS = [
    DemoUser("claire", "Claire", "Fontaine", "manager", "fr", "Europe/Paris"),
    DemoUser("sophie", "Sophie", "Marchal", "seller", "fr", "Europe/Paris"),
    DemoUser("james", "James", "Whitaker", "seller", "en", "Europe/London"),
    DemoUser("admin", "Ada", "Admin", "admin", "en", "Europe/Paris"),
]


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, full name) of every demo user, as the command prints them."""
    return [(user.username, user.role, user.full_name) for user in USERS]


FIRST_NAMES = {
    "fr": [
        "Isabelle",
        "Philippe",
        "Nathalie",
        "Olivier",
        "Sandrine",
        "Laurent",
        "Valérie",
        "Thierry",
        "Céline",
        "Frédéric",
        "Aurélie",
        "Stéphane",
        "Hélène",
        "Julien",
        "Anne",
        "Nicolas",
        "Delphine",
        "Christophe",
        "Émilie",
        "Bertrand",
        "Camille",
        "Guillaume",
        "Véronique",
        "Arnaud",
        "Sylvie",
        "Mathieu",
        "Patricia",
        "Jérôme",
        "Agnès",
        "Benoît",
        "Marion",
        "Yannick",
        "Claudine",
        "Rémi",
        "Élodie",
        "Pascal",
        "Karima",
        "Hugo",
        "Léa",
        "Mehdi",
        "Françoise",
        "Damien",
        "Manon",
        "Alain",
        "Inès",
        "Gilles",
    ],
    "en": [
        "Sarah",
        "Michael",
        "Emma",
        "David",
        "Rachel",
        "Andrew",
        "Helen",
        "Mark",
        "Laura",
        "Richard",
        "Claire",
        "Daniel",
        "Fiona",
        "Stephen",
        "Hannah",
        "Paul",
        "Rebecca",
        "Gareth",
        "Megan",
        "Simon",
        "Priya",
        "Thomas",
        "Grace",
        "Owen",
        "Katherine",
        "Jonathan",
        "Aisha",
        "Neil",
        "Charlotte",
        "Robert",
        "Lucy",
        "Matthew",
        "Joanne",
        "Ian",
        "Chloe",
        "Adrian",
        "Nadia",
        "Ben",
        "Amy",
        "Colin",
    ],
}

LAST_NAMES = {
    "fr": [
        "Lefebvre",
        "Moreau",
        "Girard",
        "Bonnet",
        "Dupuis",
        "Lambert",
        "Fontaine",
        "Rousseau",
        "Vincent",
        "Muller",
        "Faure",
        "André",
        "Mercier",
        "Blanc",
        "Guérin",
        "Boyer",
        "Garnier",
        "Chevalier",
        "François",
        "Legrand",
        "Gauthier",
        "Perrin",
        "Robin",
        "Clément",
        "Morin",
        "Nicolas",
        "Henry",
        "Roussel",
        "Mathieu",
        "Gautier",
        "Masson",
        "Marchand",
        "Duval",
        "Denis",
        "Lemoine",
        "Barbier",
        "Brunet",
        "Benoît",
        "Renaud",
        "Colin",
        "Arnaud",
        "Picard",
        "Roy",
        "Aubert",
        "Lacroix",
        "Vidal",
        "Caron",
        "Benali",
    ],
    "en": [
        "Thompson",
        "Hughes",
        "Clarke",
        "Patel",
        "Walsh",
        "Turner",
        "Edwards",
        "Collins",
        "Stewart",
        "Morris",
        "Murphy",
        "Cooper",
        "Ward",
        "Bennett",
        "Gray",
        "Price",
        "Barnes",
        "Fletcher",
        "Reid",
        "Palmer",
        "Holmes",
        "Marshall",
        "Kennedy",
        "Harvey",
        "Chapman",
        "Ellis",
        "Grant",
        "Mitchell",
        "Shaw",
        "Lloyd",
        "Okafor",
        "Baker",
        "Foster",
        "Nolan",
        "Howard",
        "Dixon",
        "Sutton",
        "Khan",
        "Fraser",
        "Rowe",
    ],
}

#: Job titles by buying role, written in each language as people actually sign. French titles
#: agree with the person: (for a man, for a woman).
JOB_TITLES = {
    "fr": {
        "decision_maker": [
            ("Directeur des opérations", "Directrice des opérations"),
            ("Directeur général délégué", "Directrice générale déléguée"),
            ("Directeur industriel", "Directrice industrielle"),
        ],
        "economic_buyer": [
            ("Directeur administratif et financier", "Directrice administrative et financière"),
            ("Directeur financier", "Directrice financière"),
        ],
        "champion": [
            ("Responsable maintenance", "Responsable maintenance"),
            ("Responsable des services techniques", "Responsable des services techniques"),
            ("Chef de projet GMAO", "Cheffe de projet GMAO"),
        ],
        "technical_evaluator": [
            ("DSI", "DSI"),
            ("Responsable infrastructure", "Responsable infrastructure"),
            ("Architecte SI", "Architecte SI"),
        ],
        "user": [
            ("Chef d'équipe maintenance", "Cheffe d'équipe maintenance"),
            ("Technicien méthodes", "Technicienne méthodes"),
            ("Responsable de site", "Responsable de site"),
        ],
        "finance": [
            ("Contrôleur de gestion", "Contrôleuse de gestion"),
            ("Responsable comptabilité fournisseurs", "Responsable comptabilité fournisseurs"),
        ],
        "procurement": [
            ("Acheteur hors production", "Acheteuse hors production"),
            ("Responsable achats", "Responsable achats"),
        ],
        "influencer": [
            ("Responsable qualité", "Responsable qualité"),
            ("Responsable HSE", "Responsable HSE"),
        ],
        "blocker": [
            (
                "Responsable sécurité des systèmes d'information",
                "Responsable sécurité des systèmes d'information",
            ),
            ("Directeur juridique", "Directrice juridique"),
        ],
    },
    "en": {
        "decision_maker": ["Chief Operating Officer", "Operations Director", "Managing Director"],
        "economic_buyer": ["Chief Financial Officer", "Finance Director"],
        "champion": ["Head of Maintenance", "Facilities Manager", "Asset Management Lead"],
        "technical_evaluator": ["Head of IT", "IT Infrastructure Manager", "Solutions Architect"],
        "user": ["Maintenance Supervisor", "Site Manager", "Planning Coordinator"],
        "finance": ["Financial Controller", "Management Accountant"],
        "procurement": ["Procurement Manager", "Category Buyer"],
        "influencer": ["Quality Manager", "Health and Safety Lead"],
        "blocker": ["Information Security Officer", "Head of Legal"],
    },
}

#: French first names of the pool that are women's, so that titles agree ("Directrice").
FEMININE_FR = frozenset(FIRST_NAMES["fr"][0::2])


def job_title(choice: str | tuple[str, str], first_name: str) -> str:
    """The title as the person signs it: French titles agree with their first name."""
    if isinstance(choice, str):
        return choice
    man, woman = choice
    return woman if first_name in FEMININE_FR else man


#: The order in which a buying group is filled: the first roles matter most.
ROLE_ORDER = [
    "champion",
    "economic_buyer",
    "technical_evaluator",
    "decision_maker",
    "user",
    "procurement",
    "finance",
    "influencer",
    "blocker",
]
ROLE_INFLUENCE = {
    "decision_maker": (4, 5),
    "economic_buyer": (4, 5),
    "champion": (3, 4),
    "technical_evaluator": (3, 4),
    "user": (1, 3),
    "finance": (2, 4),
    "procurement": (2, 3),
    "influencer": (2, 3),
    "blocker": (3, 5),
}
