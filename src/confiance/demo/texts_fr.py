"""French texts of the demo, written in French (not translated from the English ones).

Slots: {c} contact's first name, {s} seller's first name, {acc} account, {module} (and
{de_module}: "du module…", "des tableaux…", "de l'application…"), {site},
{n} a number of users, {h} hours, {pct} a percentage, {day} a weekday, {date} a date,
{ref} an invoice number, {promise} what we promised, {deliverable} what we will send.
"""

from __future__ import annotations

MODULES = [
    "le module Interventions",
    "l'application mobile terrain",
    "le module Stocks et pièces",
    "le portail sous-traitants",
    "les tableaux de bord",
    "la planification préventive",
]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]
DELIVERABLES = [
    "le comparatif détaillé des deux scénarios",
    "le planning de déploiement révisé",
    "la proposition chiffrée",
    "le compte rendu de l'atelier",
    "la note technique sur les synchronisations",
]

EMAILS_IN = {
    "warm": [
        (
            "Retour sur la formation de {day}",
            "Bonjour {s},\n\nMerci pour la session de {day} : les chefs d'équipe de {site} ont "
            "enfin pris en main {module}. Deux d'entre eux m'ont déjà dit qu'ils gagnaient une "
            "demi-heure par jour sur la saisie.\n\nPouvez-vous nous envoyer le support ? Je "
            "voudrais le diffuser en interne.\n\nBien cordialement,\n{c}",
        ),
        (
            "Bilan du trimestre",
            "Bonjour {s},\n\nPetit point rapide : le taux de clôture des interventions est passé "
            "à {pct} % ce trimestre, c'est la première fois que nous dépassons notre objectif. La "
            "direction l'a remarqué. On en reparle lors de notre prochain point ?\n\n{c}",
        ),
        (
            "Extension à {site}",
            "Bonjour {s},\n\nSuite à nos échanges, nous aimerions étendre l'outil au site de "
            "{site}. Pourriez-vous nous faire une proposition pour environ {n} utilisateurs "
            "supplémentaires ? Rien d'urgent, idéalement avant la fin du mois.\n\nMerci "
            "d'avance,\n{c}",
        ),
        (
            "Merci pour votre réactivité",
            "{s},\n\nJe voulais simplement vous remercier : l'incident de {day} sur {module} a été "
            "réglé dans la matinée et votre support nous a tenus informés tout du long. C'est "
            "exactement ce qu'on attend d'un partenaire.\n\nBonne journée,\n{c}",
        ),
        (
            "Invitation au comité utilisateurs",
            "Bonjour {s},\n\nNous organisons notre comité utilisateurs le {date} à {site}. Votre "
            "présence serait précieuse, notamment pour présenter ce qui arrive sur {module}. "
            "Dites-moi si la date vous convient.\n\n{c}",
        ),
    ],
    "neutral": [
        (
            "Question sur la facture {ref}",
            "Bonjour,\n\nNotre comptabilité a une question sur la facture {ref} : la ligne "
            "« support étendu » apparaît deux fois. Pouvez-vous vérifier et nous adresser un "
            "avoir si nécessaire ?\n\nCordialement,\n{c}",
        ),
        (
            "Export des ordres de travail",
            "Bonjour {s},\n\nEst-il possible d'obtenir un export mensuel des ordres de travail au "
            "format CSV ? Le contrôle de gestion voudrait le croiser avec les coûts de "
            "maintenance.\n\nMerci,\n{c}",
        ),
        (
            "Planning de déploiement à {site}",
            "Bonjour {s},\n\nPouvez-vous me confirmer le planning pour {site} ? Je dois bloquer "
            "les équipes terrain deux semaines à l'avance.\n\n{c}",
        ),
        (
            "Nouvelle version {de_module}",
            "Bonjour,\n\nNous avons vu l'annonce de la nouvelle version {de_module}. Y a-t-il "
            "des changements qui touchent nos paramétrages ? Faut-il prévoir une recette de "
            "notre côté ?\n\n{c}",
        ),
        (
            "Accès pour un nouvel arrivant",
            "Bonjour {s},\n\nUn nouveau responsable de site arrive à {site} le {date}. Pouvez-vous "
            "lui créer un accès et nous dire s'il existe une formation en ligne ?\n\nMerci,\n{c}",
        ),
    ],
    "sour": [
        (
            "Toujours pas de nouvelles",
            "{s},\n\nNous n'avons toujours pas reçu {promise}. C'est la troisième relance. Nos "
            "équipes sont bloquées et je dois expliquer ce retard en interne : je n'ai plus "
            "d'arguments. Franchement, c'est devenu un vrai problème.\n\nJ'attends une date ferme.\n\n{c}",
        ),
        (
            "Incidents répétés sur {module}",
            "{s},\n\nTroisième incident en un mois sur {module}. Les techniciens de {site} ont "
            "perdu une journée entière la semaine dernière. Le niveau de service était clair dans "
            "le contrat : ce n'est pas acceptable, c'est même inadmissible.\n\n{c}",
        ),
        (
            "Avant de parler renouvellement",
            "{s},\n\nAvant de parler renouvellement, il y a un problème. Les points mensuels ont "
            "disparu, nos demandes restent sans réponse et nous avons le sentiment de ne plus "
            "compter. Ma direction me demande si nous devons regarder ailleurs, et je n'ai rien "
            "de bon à lui répondre.\n\n{c}",
        ),
        (
            "Coût {de_module}",
            "{s},\n\nLa situation devient grave. La direction financière juge le coût {de_module} "
            "injustifié au regard de l'usage réel, et malheureusement je n'ai rien pour la "
            "contredire. Le problème doit être traité rapidement.\n\n{c}",
        ),
    ],
}

EMAILS_OUT = {
    "warm": [
        (
            "Compte rendu de notre réunion",
            "Bonjour {c},\n\nMerci pour votre temps {day}. Comme convenu, je vous envoie "
            "{deliverable} d'ici le {date}. De votre côté, vous nous transmettez la liste des "
            "sites prioritaires.\n\nSi quelque chose vous semble inexact dans ce résumé, "
            "dites-le-moi.\n\nBien à vous,\n{s}",
        ),
        (
            "Proposition pour {site}",
            "Bonjour {c},\n\nVoici notre proposition pour {site} ({n} utilisateurs). J'ai "
            "détaillé ce qui est compris et ce qui ne l'est pas, pour que la comparaison soit "
            "simple. Je suis disponible pour la parcourir ensemble quand vous voulez.\n\n{s}",
        ),
    ],
    "neutral": [
        (
            "Votre question sur {module}",
            "Bonjour {c},\n\nBonne question. La réponse courte : oui, c'est possible, mais cela "
            "demande un paramétrage d'environ {h} heures. Je vous propose d'en parler avec notre "
            "consultant pour vérifier que cela répond vraiment à votre besoin avant de lancer "
            "quoi que ce soit.\n\n{s}",
        ),
        (
            "Point du mois",
            "Bonjour {c},\n\nJe vous propose notre point mensuel {day} prochain à 10 h. À "
            "l'ordre du jour : les demandes ouvertes, le planning de {site} et vos questions "
            "sur {module}. N'hésitez pas à ajouter ce qui vous semble important.\n\n{s}",
        ),
    ],
    "sour": [
        (
            "Suite à votre message",
            "Bonjour {c},\n\nVous avez raison, nous n'avons pas tenu le délai et je vous prie de "
            "nous en excuser. Voici ce que nous faisons : {deliverable} vous sera transmis au "
            "plus tard le {date}, et je vous appellerai ce jour-là pour le parcourir "
            "ensemble.\n\n{s}",
        ),
    ],
}

CALLS = {
    "warm": [
        "Appel avec {c} : grande satisfaction sur le déploiement à {site}, et l'envie d'en "
        "parler aux homologues du groupe. Prochaine étape : une démonstration pour deux autres "
        "sites.",
        "Point téléphonique avec {c} : les utilisateurs de {site} adoptent bien {module}. "
        "Demande : un atelier sur les tableaux de bord. Je propose deux dates la semaine "
        "prochaine.",
        "{c} appelle pour remercier l'équipe de la mise à jour de {day} et propose de "
        "témoigner lors de notre club utilisateurs.",
    ],
    "neutral": [
        "{c} appelle au sujet du planning : ils décalent la recette de deux semaines à cause "
        "d'un audit interne. Pas d'inquiétude, mais il faut revoir la date de mise en "
        "production.",
        "Échange avec {c} sur le budget de l'an prochain. Rien n'est arbitré ; rappel prévu "
        "après le comité de direction.",
        "Appel rapide avec {c} : questions sur les droits d'accès des sous-traitants. Je lui "
        "envoie la documentation et on refait le point {day}.",
    ],
    "sour": [
        "Appel tendu avec {c}, très mécontent du retard sur {promise}. Mauvais signal : la "
        "direction « se pose des questions ». Fin de l'appel sans prochaine étape.",
        "{c} appelle, en colère : les techniciens de {site} n'arrivent plus à synchroniser "
        "l'application, un problème jugé inacceptable. Réponse écrite attendue cette semaine ; "
        "le mot « pénalités » a été prononcé.",
    ],
}

NOTES = [
    "Note interne : {acc} a recruté un nouveau directeur des opérations. À rencontrer avant "
    "le renouvellement.",
    "Note : {c} part en congé en fin de mois ; l'intérim sera assuré par le responsable "
    "méthodes. Penser à le mettre en copie.",
    "Rappel : vérifier avec la finance les conditions tarifaires accordées à {acc} l'an "
    "dernier avant toute nouvelle remise, pour rester cohérents.",
    "Note : {acc} lance un appel d'offres sur la sous-traitance de maintenance ; cela peut "
    "changer le nombre d'utilisateurs du portail.",
]

PREP_COMBATIVE = [
    "Préparation de la réunion {acc} de {day}.\nHonnêtement, ils ne comprennent rien à ce "
    "qu'on leur a livré. Leur acheteur essaie de nous avoir avec sa remise de dernière "
    "minute. Il faut tenir bon et ne rien lâcher sur le prix. S'ils ne signent pas avant la "
    "fin du mois, on retire l'offre.",
    "Avant le point avec {c} : ils essaient de nous avoir, comme d'habitude. Ils changent "
    "d'avis toutes les semaines et c'est nous qui payons. Cette fois on ne se laisse pas "
    "faire, c'est eux ou nous.",
    "Réunion de demain avec {acc}. Leur DSI est de mauvaise foi, il cherche juste un "
    "coupable pour les retards. On a raison sur toute la ligne et il faudra bien qu'ils "
    "l'admettent.",
]

PREP_COLLABORATIVE = [
    "Préparation du rendez-vous avec {c} ({day}).\nObjectif : comprendre ce qui bloque "
    "vraiment. Questions à poser : Qu'est-ce qui compte le plus pour vous dans ce choix ? "
    "Qu'est-ce qui vous inquiète dans le calendrier proposé ? Expliquer pourquoi nous "
    "recommandons un pilote à {site}, puis écouter leurs objections. Proposer de décider "
    "ensemble des prochaines étapes.",
    "Points à aborder avec {acc} : reconnaître notre retard sur {deliverable} et dire ce "
    "que nous faisons pour le rattraper. Leur demander comment ils mesurent le succès du "
    "projet. Il est possible que notre offre ne soit pas la bonne pour eux : si c'est le "
    "cas, le dire franchement.",
    "Réunion budget avec {c} : je pense que leur direction financière a des raisons que "
    "nous ne voyons pas. Lui demander ce qui a changé depuis l'an dernier, résumer ce que "
    "nous avons compris, puis expliquer notre position sur le prix et pourquoi nous la "
    "tenons.",
]

MEETING_TITLES = [
    "Comité de pilotage",
    "Revue trimestrielle",
    "Atelier sur {module}",
    "Réunion de lancement à {site}",
    "Point d'avancement",
    "Revue du contrat",
]

MEETING_SUMMARIES = {
    "warm": "Réunion constructive avec {c} et son équipe. Les objectifs de {site} sont "
    "atteints ; ils souhaitent étendre {module}. Nous préparons {deliverable}.",
    "neutral": "Point d'avancement avec {c}. Planning de {site} confirmé, deux demandes "
    "ouvertes sur {module}. Prochain point dans un mois.",
    "sour": "Réunion difficile et mauvaise ambiance : {c} attend toujours {promise}. Le "
    "client, déçu, remet en question la valeur {de_module} et exige un plan d'action écrit.",
}

CALL_TITLE = "Appel avec {c}"
NOTE_TITLE = "Note interne"
PREP_TITLE = "Préparation : {acc}"

# (kind, description, amount range or None, hours range or None)
COMMITMENTS_OURS = [
    ("deliverable", "Envoyer le planning de déploiement révisé", None, (4, 8)),
    ("investment", "Offrir deux jours de formation sur site", None, (14, 16)),
    ("concession", "Geler le prix des licences pendant un an", (5_000, 15_000), None),
    ("risk", "Prendre à notre charge le surcoût de l'interface avec l'ERP", (8_000, 20_000), None),
    ("information", "Partager la feuille de route produit des douze prochains mois", None, None),
    ("deliverable", "Livrer l'analyse des incidents de synchronisation", None, (6, 12)),
    ("investment", "Détacher un consultant pour l'audit du paramétrage", None, (21, 35)),
    ("deliverable", "Envoyer la proposition chiffrée pour le nouveau site", None, None),
]
COMMITMENTS_THEIRS = [
    ("information", "Transmettre l'export des ordres de travail", None, None),
    ("investment", "Mobiliser deux techniciens pour le pilote", None, (30, 60)),
    ("deliverable", "Faire valider le budget en comité de direction", None, None),
    ("risk", "Démarrer avant la fin de la recette", None, None),
    ("concession", "Renoncer aux pénalités de retard du trimestre", (3_000, 9_000), None),
    ("information", "Fournir la liste des sites prioritaires", None, None),
    ("investment", "Ouvrir l'accès aux journaux du serveur", None, (2, 6)),
    ("deliverable", "Désigner un référent par site", None, None),
]

# --- Before a sale: the same kinds of messages, as a prospect writes them ----------------
EMAILS_IN_PROSPECT = {
    "warm": [
        (
            "Suite à la démonstration",
            "Bonjour {s},\n\nMerci pour la démonstration de {day}. L'équipe a apprécié {module}, "
            "surtout la saisie hors connexion. Pourriez-vous nous envoyer des références de "
            "clients de notre secteur ?\n\nCordialement,\n{c}",
        ),
        (
            "Visite d'un client",
            "Bonjour {s},\n\nSerait-il possible de visiter l'un de vos clients qui utilise "
            "{module} ? Voir l'outil en situation réelle rassurerait notre direction.\n\n{c}",
        ),
    ],
    "neutral": [
        (
            "Questionnaire de sécurité",
            "Bonjour {s},\n\nNotre DSI a besoin que vous remplissiez le questionnaire de sécurité "
            "ci-joint avant d'aller plus loin. Est-ce possible d'ici le {date} ?\n\n{c}",
        ),
        (
            "Budget et calendrier",
            "Bonjour {s},\n\nPour information, le budget sera arbitré en comité le {date}. D'ici "
            "là, pourriez-vous nous préciser le coût d'un pilote à {site} ?\n\nMerci,\n{c}",
        ),
    ],
    "sour": [
        (
            "Notre décision",
            "{s},\n\nAprès réflexion, nous ne donnerons pas suite pour le moment. Le projet n'est "
            "plus prioritaire et le budget a été réaffecté. Malheureusement, je n'ai pas de "
            "meilleure nouvelle.\n\n{c}",
        ),
        (
            "Votre proposition",
            "{s},\n\nVotre proposition est nettement plus chère que les autres et nous ne voyons "
            "pas ce qui justifie l'écart. En l'état, c'est un problème.\n\n{c}",
        ),
    ],
}
EMAILS_OUT_PROSPECT = [
    (
        "Suite à notre premier échange",
        "Bonjour {c},\n\nMerci pour cet échange. Si j'ai bien compris, votre priorité est de "
        "réduire les pannes à {site} et de mieux suivre les sous-traitants. Je vous propose une "
        "démonstration centrée sur ces deux points ; dites-moi si j'ai oublié quelque "
        "chose.\n\n{s}",
    ),
    (
        "Références clients",
        "Bonjour {c},\n\nComme promis, voici trois clients de votre secteur qui acceptent "
        "d'échanger avec vous. Tous ont commencé par un pilote sur un site, comme nous vous le "
        "proposons.\n\n{s}",
    ),
]
CALLS_PROSPECT = {
    "warm": [
        "Premier appel avec {c} : la maintenance est suivie sur tableur et les interventions se "
        "perdent. Intérêt réel pour {module}. Démonstration à prévoir.",
        "{c} rappelle : le comité a trouvé la proposition intéressante et veut un pilote "
        "chiffré à {site}.",
    ],
    "neutral": [
        "Appel avec {c} pour préparer la démonstration : trois personnes présentes, dont la "
        "DSI. Points à montrer : {module} et les tableaux de bord.",
    ],
    "sour": [
        "Appel avec {c} : projet suspendu, aucun budget cette année. Mauvaise nouvelle, et pas "
        "de prochaine étape fixée.",
    ],
}
MEETING_SUMMARY_PROSPECT = (
    "Démonstration chez {c} : {module} présenté aux équipes de {site}. Questions sur "
    "l'intégration avec l'ERP et la reprise des données. Prochaine étape : {deliverable}."
)
NOTES_PROSPECT = [
    "Note interne : {acc} compare trois éditeurs. Notre atout : les références du même "
    "secteur. Notre point faible : le prix de la licence.",
    "Note : {c} quitte le projet à la fin du mois ; demander qui reprend le dossier.",
]
# Prep notes that make sense before a sale (the others speak of what we delivered).
PREP_COMBATIVE_PROSPECT = [1]
MEETING_TITLES_PROSPECT = [
    "Démonstration",
    "Atelier de découverte",
    "Présentation de la proposition",
    "Revue du cahier des charges",
]
