"""The demo portfolio: every account, its profile and the part it plays in the story.

Profiles drive the generator: ``happy`` customers are served well and say so, ``steady``
ones are ordinary, ``strained`` ones have friction on both sides, ``neglected`` is the big
customer we take for granted, ``prospect``/``new`` are in discussion or just met, ``lost``
prospects said no, and ``former`` customers left. ``window`` is when we were in touch
(days before today, oldest first); the demo spans 18 months (548 days).
"""

from __future__ import annotations

from dataclasses import dataclass

SPAN_DAYS = 548


@dataclass(frozen=True)
class AccountSpec:
    key: str
    name: str
    kind: str  # prospect / customer / former_customer
    owner: str  # a demo username
    industry: str  # a sector key of confiance.insights.industries, named in ``language``
    size: str
    country: str
    language: str
    profile: str
    contacts: int
    interactions: int
    window: tuple[int, int]
    annual_value: int = 0
    currency: str = "EUR"
    customer_years: float = 0.0  # how long before today it became a customer
    domain: str = ""
    shared_with: tuple[str, ...] = ()
    #: What we promised and have not delivered, quoted by the customer when annoyed.
    promise: str = ""


def _a(*args, **kwargs) -> AccountSpec:
    return AccountSpec(*args, **kwargs)


# fmt: off
ACCOUNTS: list[AccountSpec] = [
    # --- Sophie: mostly French-speaking accounts
    # The neglected big customer: largest value, ~12-day cadence, then 75 days of silence.
    _a("hexagone", "Groupe Hexagone Logistique", "customer", "sophie", "logistics", "1000+",
       "FR", "fr", "neglected", 6, 36, (548, 75), annual_value=480_000, customer_years=7.5,
       domain="hexagone-logistique.fr",
       promise="le plan de migration vers la version 5 pour les quatorze entrepôts"),
    # Happy food manufacturers: the references for the similar prospect below.
    _a("laiteries", "Laiteries des Monts d'Auvergne", "customer", "sophie", "food_manufacturing",
       "250-999", "FR", "fr", "happy", 5, 22, (540, 6), annual_value=120_000, customer_years=4.2,
       domain="laiteries-monts-auvergne.fr"),
    _a("biscuiterie", "Biscuiterie Lefèvre-Morin", "customer", "sophie", "food_manufacturing",
       "250-999", "FR", "fr", "happy", 4, 18, (530, 9), annual_value=95_000, customer_years=3.1,
       domain="lefevre-morin.fr"),
    _a("conserverie", "Conserverie de l'Atlantique", "customer", "sophie", "food_manufacturing",
       "250-999", "FR", "fr", "happy", 4, 16, (520, 14), annual_value=110_000,
       customer_years=5.6, domain="conserverie-atlantique.fr"),
    # The prospect that looks like the happy customers (industry, size, language).
    _a("fromageries", "Fromageries du Jura Réunies", "prospect", "sophie", "food_manufacturing",
       "250-999", "FR", "fr", "prospect", 5, 12, (130, 4), domain="fromageries-jura.fr"),
    # Lost on price: a competitor claims to be 20% cheaper "on the same products".
    _a("mercier", "Mercier Équipements Industriels", "customer", "sophie",
       "industrial_equipment", "1000+", "FR", "fr", "strained", 5, 19, (545, 8),
       annual_value=260_000, customer_years=6.0, domain="mercier-equipements.fr",
       promise="le chiffrage détaillé de l'extension à Grenoble"),
    # A buying group split on how to deploy.
    _a("metropole", "Val-de-Loire Habitat", "customer", "sophie", "public_sector", "250-999",
       "FR", "fr", "steady", 5, 18, (500, 5), annual_value=150_000, customer_years=2.4,
       domain="valdeloire-habitat.fr"),
    _a("saintroch", "Clinique Saint-Roch", "customer", "sophie", "healthcare", "250-999", "FR",
       "fr", "steady", 3, 12, (520, 17), annual_value=70_000, customer_years=3.8,
       domain="clinique-saint-roch.fr"),
    _a("ribeiro", "Transports Ribeiro & Fils", "former_customer", "sophie", "logistics",
       "50-249", "FR", "fr", "former", 3, 6, (548, 330), customer_years=4.0,
       domain="ribeiro-transports.fr"),
    # Lost to a competitor, then won back: the perseverance story.
    _a("evr", "Énergies Vallée du Rhône", "customer", "sophie", "utilities", "1000+", "FR", "fr",
       "steady", 5, 18, (546, 3), annual_value=210_000, customer_years=5.0,
       domain="evr-energies.fr"),
    _a("belleepoque", "Hôtels Belle Époque", "prospect", "sophie", "hospitality", "50-249", "FR",
       "fr", "lost", 3, 7, (300, 150), domain="hotels-belle-epoque.fr"),
    _a("pharmacoop", "Pharmacies Coopératives de l'Ouest", "prospect", "sophie",
       "pharmaceutical_distribution", "250-999", "FR", "fr", "prospect", 4, 10, (160, 2),
       domain="pharmacoop-ouest.fr"),
    _a("aaso", "Ateliers Aéronautiques du Sud-Ouest", "customer", "sophie", "aerospace", "1000+",
       "FR", "fr", "steady", 4, 16, (548, 11), annual_value=320_000, customer_years=6.5,
       domain="aaso-aero.fr"),
    _a("montaigne", "Groupe Scolaire Montaigne", "former_customer", "sophie", "education",
       "50-249", "FR", "fr", "former", 2, 4, (548, 400), customer_years=3.0,
       domain="gs-montaigne.fr"),
    _a("brasseries", "Brasseries Artisanales de Lorraine", "prospect", "sophie",
       "food_manufacturing", "50-249", "FR", "fr", "new", 3, 5, (45, 7),
       domain="brasseries-lorraine.fr"),
    _a("geneve", "Genève Précision SA", "customer", "sophie", "industrial_equipment", "250-999",
       "CH", "fr", "happy", 4, 14, (510, 12), annual_value=140_000, currency="CHF",
       customer_years=2.8, domain="geneve-precision.ch", shared_with=("james",)),
    _a("laurentides", "Réseau Santé Laurentides", "prospect", "sophie", "healthcare", "1000+",
       "CA", "fr", "lost", 3, 6, (260, 95), currency="CAD", domain="sante-laurentides.ca"),
    # --- James: English-speaking accounts
    _a("northbridge", "Northbridge Health Trust", "customer", "james", "healthcare", "1000+",
       "GB", "en", "steady", 6, 24, (548, 4), annual_value=380_000, currency="GBP",
       customer_years=5.2, domain="northbridge-health.nhs.uk", shared_with=("sophie",)),
    _a("harrow", "Harrow Foods Ltd", "customer", "james", "food_manufacturing", "250-999", "GB",
       "en", "happy", 3, 16, (530, 8), annual_value=90_000, currency="GBP", customer_years=3.4,
       domain="harrowfoods.co.uk"),
    _a("pennine", "Pennine Dairy Co-operative", "customer", "james", "food_manufacturing",
       "250-999", "GB", "en", "happy", 3, 14, (520, 15), annual_value=85_000, currency="GBP",
       customer_years=4.6, domain="penninedairy.coop"),
    _a("calder", "Calder Valley Bakeries", "prospect", "james", "food_manufacturing", "250-999",
       "GB", "en", "prospect", 4, 8, (110, 5), currency="GBP",
       domain="caldervalleybakeries.co.uk"),
    _a("atlas", "Atlas Freight Lines", "customer", "james", "logistics", "1000+", "US", "en",
       "strained", 5, 16, (548, 6), annual_value=300_000, currency="USD", customer_years=3.9,
       domain="atlasfreight.com", promise="the revised rollout plan for the Memphis hub"),
    _a("riverside", "Riverside Water Authority", "customer", "james", "utilities", "1000+", "GB",
       "en", "steady", 4, 14, (540, 10), annual_value=175_000, currency="GBP",
       customer_years=4.4, domain="riversidewater.co.uk"),
    _a("kestrel", "Kestrel Aerospace Components", "prospect", "james", "aerospace", "250-999",
       "GB", "en", "prospect", 3, 12, (170, 3), currency="GBP", domain="kestrel-aero.co.uk"),
    _a("bluewater", "Bluewater Hotels Group", "former_customer", "james", "hospitality", "1000+",
       "GB", "en", "former", 3, 5, (548, 360), currency="GBP", customer_years=5.0,
       domain="bluewaterhotels.com"),
    _a("mapleleaf", "Maple Leaf Transit", "prospect", "james", "public_sector", "1000+", "CA",
       "en", "lost", 3, 6, (280, 120), currency="CAD", domain="mapleleaftransit.ca"),
    _a("greystone", "Greystone Property Services", "prospect", "james", "facilities_management",
       "250-999", "GB", "en", "new", 3, 4, (40, 9), currency="GBP",
       domain="greystone-property.co.uk"),
    _a("summit", "Summit Pharma Logistics", "customer", "james", "pharmaceutical_distribution",
       "250-999", "US", "en", "steady", 4, 12, (500, 13), annual_value=130_000, currency="USD",
       customer_years=2.2, domain="summitpharmalogistics.com"),
    _a("oakridge", "Oakridge Manufacturing", "prospect", "james", "industrial_equipment",
       "250-999", "US", "en", "lost", 3, 7, (150, 12), currency="USD", domain="oakridgemfg.com"),
    _a("thames", "Thames Estuary Ports", "customer", "james", "logistics", "1000+", "GB", "en",
       "steady", 3, 14, (548, 16), annual_value=220_000, currency="GBP", customer_years=6.1,
       domain="thamesestuaryports.co.uk"),
    _a("wexford", "Wexford Medical Devices", "former_customer", "james", "healthcare", "250-999",
       "IE", "en", "former", 2, 4, (548, 420), customer_years=2.0, domain="wexfordmedical.ie"),
    _a("lakeside", "Lakeside County Council", "prospect", "james", "public_sector", "1000+",
       "GB", "en", "new", 3, 5, (60, 6), currency="GBP", domain="lakeside.gov.uk"),
]
# fmt: on

TIME_ZONES = {
    "FR": "Europe/Paris",
    "CH": "Europe/Zurich",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "US": "America/Chicago",
    "CA": "America/Toronto",
}

#: Fictional competitors (no real company is named in the demo).
COMPETITORS = ["Maintivo", "FieldCore", "Servalis", "Opteam Pro"]
