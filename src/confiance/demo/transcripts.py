"""Meeting transcripts of the demo: several speakers, in each language, written natively.

Each script is a list of (role, text). Roles: ``S`` the seller, ``M`` our manager, ``A`` the
customer's champion or a user, ``B`` the side that holds the money (economic buyer, finance,
procurement), ``C`` the technical or final decision side. The builder maps roles to real
contacts of the account. Slots are those of ``texts_fr``, plus {gap}: a competitor's claimed
price advantage in %. ``FOR_PROSPECTS`` names the scripts that make sense before a sale.
"""

from __future__ import annotations

FR = {
    "collaborative": [
        [
            (
                "S",
                "Merci d'avoir pris le temps. Avant de parler du renouvellement, j'aimerais "
                "savoir ce qui a bien marché cette année et ce qui vous a gênés.",
            ),
            (
                "A",
                "Globalement c'est positif. Les équipes de {site} utilisent {module} tous "
                "les jours. Le point noir, ce sont les synchronisations du lundi matin.",
            ),
            (
                "S",
                "Je comprends, c'est pénible quand cela tombe au moment où les équipes "
                "démarrent. Qu'est-ce que cela vous coûte concrètement ?",
            ),
            ("A", "À peu près une heure par technicien chaque lundi."),
            (
                "B",
                "Et de mon côté, je dois justifier la hausse de prix. Si le service ne suit "
                "pas, ce sera difficile.",
            ),
            (
                "S",
                "C'est légitime. Je vous propose deux choses : notre équipe technique "
                "analyse les synchronisations d'ici le {date}, et je vous envoie un "
                "comparatif de ce que couvre le contrat actuel et de ce qui change.",
            ),
            (
                "C",
                "Ça me va. Il faudra qu'on vous ouvre l'accès aux journaux du serveur, je "
                "m'en occupe cette semaine.",
            ),
            (
                "S",
                "Si je résume : analyse des synchronisations de notre côté, accès aux "
                "journaux du vôtre, et on se revoit pour décider ensemble. C'est bien ça ?",
            ),
            ("B", "Oui, c'est clair. Merci."),
        ],
        [
            (
                "S",
                "Aujourd'hui je voudrais surtout vous écouter. Qu'est-ce qui compte le plus "
                "pour vous dans ce choix ?",
            ),
            ("C", "La fiabilité. Nous sortons d'un outil qui tombait en panne tous les mois."),
            (
                "A",
                "Pour les techniciens, c'est la simplicité sur le téléphone. S'il faut plus "
                "de trois écrans pour clôturer une intervention, ils ne l'utiliseront pas.",
            ),
            ("B", "Et pour moi, un coût prévisible sur trois ans."),
            (
                "S",
                "Merci, c'est très utile. Voici pourquoi nous proposons un pilote à {site} : "
                "vous mesurez la fiabilité et la simplicité avant de vous engager sur le "
                "reste. Qu'en pensez-vous ?",
            ),
            ("C", "L'idée me plaît, à condition que le pilote dure au moins deux mois."),
            (
                "S",
                "C'est raisonnable. Je vous envoie une proposition de pilote d'ici {day}, "
                "et vous nous dites quels techniciens y participent.",
            ),
        ],
    ],
    "tense": [
        [
            (
                "B",
                "Je vais être direct : un concurrent nous propose exactement les mêmes "
                "produits {gap} % moins cher.",
            ),
            (
                "S",
                "Merci de me le dire franchement. Pour que je comprenne bien, leur offre "
                "couvre-t-elle aussi le support sur site et la reprise des données ?",
            ),
            ("B", "Je ne connais pas le détail, mais sur le papier c'est pareil."),
            ("C", "Honnêtement, on a l'impression de payer trop depuis des années."),
            (
                "S",
                "Je comprends que la question se pose. Je vous propose de comparer ligne à "
                "ligne : si l'écart est réel, je veux le savoir autant que vous.",
            ),
            ("A", "Sur le terrain, les équipes ne veulent pas changer d'outil en pleine saison."),
            (
                "C",
                "Ça reste à voir. Il nous faut une réponse chiffrée avant le {date}, sinon "
                "nous signerons avec eux.",
            ),
            (
                "S",
                "Entendu. Je vous envoie le comparatif d'ici le {date} et je vous appelle "
                "pour le parcourir ensemble.",
            ),
        ],
    ],
    "combative": [
        [
            (
                "C",
                "Nous avons revu la feuille de route et nous voulons repousser le "
                "déploiement de {site} à l'automne.",
            ),
            ("S", "Encore ? Vous changez d'avis tous les mois, ce n'est pas sérieux."),
            ("C", "Les priorités ont changé, ce n'est pas un caprice."),
            (
                "M",
                "Écoutez, soit vous signez l'avenant cette semaine, soit nous réaffectons "
                "l'équipe projet. C'est à prendre ou à laisser.",
            ),
            ("B", "Je ne pense pas que ce ton nous aide."),
            (
                "A",
                "Ce que les équipes demandent, c'est de ne pas tout changer pendant les "
                "inventaires.",
            ),
            (
                "S",
                "Bon. On verra ce qu'on peut faire, mais vous devez comprendre que nous "
                "aussi avons des contraintes.",
            ),
        ],
    ],
    "split": [
        [
            (
                "S",
                "Aujourd'hui, l'idée n'est pas de trancher mais de mettre à plat les "
                "positions sur le calendrier de déploiement. Qui veut commencer ?",
            ),
            (
                "C",
                "Pour moi, le déploiement site par site est le seul raisonnable. On limite "
                "le risque d'interruption.",
            ),
            (
                "B",
                "Site par site, cela veut dire payer deux systèmes pendant dix-huit mois. "
                "Je préfère un basculement unique.",
            ),
            (
                "A",
                "Ce qui compte pour les gardiens, c'est de ne pas perdre l'historique des "
                "interventions.",
            ),
            (
                "S",
                "Si je comprends bien : la DSI craint l'interruption de service, la finance "
                "craint la double facturation et le terrain craint la perte d'historique. "
                "Est-ce juste ?",
            ),
            ("B", "Oui, c'est ça."),
            (
                "S",
                "Qu'est-ce qui compte le plus pour vous dans ce choix ? Je pose la "
                "question à chacun, parce que la réponse n'est sans doute pas la même.",
            ),
            ("C", "La continuité de service, sans hésiter."),
            (
                "S",
                "Je vous propose de chiffrer les deux scénarios, reprise de l'historique "
                "comprise, et de nous revoir pour en décider ensemble.",
            ),
        ],
    ],
}

EN = {
    "collaborative": [
        [
            (
                "S",
                "Thanks for making the time. Before we get to the renewal, I'd like to "
                "hear what worked this year and what got in your way.",
            ),
            (
                "A",
                "Mostly good. The teams at {site} use {module} every day. The sore point is "
                "the Monday-morning sync.",
            ),
            (
                "S",
                "That makes sense, it hits just as the crews start. What does it cost you "
                "in practice?",
            ),
            ("A", "Roughly an hour per engineer every Monday."),
            (
                "B",
                "And I have to justify the price increase. If the service doesn't keep up, "
                "that's a hard sell.",
            ),
            (
                "S",
                "Fair point. Here's what I suggest: our technical team investigates the "
                "sync by {date}, and I'll send you a side-by-side of what the current "
                "contract covers and what changes.",
            ),
            (
                "C",
                "Works for me. We'll need to give you access to the server logs; I'll "
                "sort that out this week.",
            ),
            (
                "S",
                "So to summarise: sync analysis from us, log access from you, then we meet "
                "again and decide together. Is that right?",
            ),
            ("B", "Yes, that's clear. Thank you."),
        ],
        [
            (
                "C",
                "My worry is the migration. We have eleven years of asset history and I "
                "can't afford to lose any of it.",
            ),
            (
                "S",
                "I understand your concern about the migration; let's look at it together. "
                "Which records matter most to you?",
            ),
            ("C", "Inspection history and the statutory certificates."),
            ("A", "And the engineers' notes. That's where the real knowledge is."),
            (
                "S",
                "That helps. The reason we suggest migrating {site} first is that it has "
                "the messiest data; if it works there, it will work everywhere.",
            ),
            ("B", "What happens to the cost if the migration takes longer?"),
            (
                "S",
                "Good question. We'll cap our migration fee, and you'll have a weekly "
                "report so nothing surprises you. I'll send the migration plan by {day}.",
            ),
            ("C", "Then I'll ask the records team to export a sample for you."),
        ],
    ],
    "tense": [
        [
            (
                "B",
                "I'll be straight with you: another supplier is offering the same products "
                "for {gap}% less.",
            ),
            (
                "S",
                "Thanks for telling me. So I understand the comparison: does their offer "
                "include on-site support and the data migration?",
            ),
            ("B", "I don't know the detail, but on paper it's identical."),
            ("C", "Honestly, it feels like we've been overpaying for years."),
            (
                "S",
                "I can see why that question comes up. Let's compare line by line: if the "
                "gap is real, I want to know as much as you do.",
            ),
            ("A", "The crews don't want to switch tools in the middle of peak season."),
            ("C", "We'll see. We need a priced answer by {date}, or we sign with them."),
            (
                "S",
                "Understood. I'll send the comparison by {date} and call you to go "
                "through it together.",
            ),
        ],
    ],
    "combative": [
        [
            (
                "C",
                "We've reviewed the roadmap and we want to push the {site} rollout back to "
                "the autumn.",
            ),
            ("S", "Again? You always change your minds, this isn't serious."),
            ("C", "Priorities changed. It isn't a whim."),
            (
                "M",
                "Look, either you sign the amendment this week or we reassign the project "
                "team. Take it or leave it.",
            ),
            ("B", "I don't think that tone helps anyone."),
            ("A", "All the crews are asking is not to change everything during the stock count."),
            (
                "S",
                "Fine. We'll see what we can do, but you need to understand we have "
                "constraints too.",
            ),
        ],
    ],
    "split": [
        [
            (
                "S",
                "Today isn't about deciding; it's about putting everyone's view of the "
                "hosting question on the table. Who'd like to start?",
            ),
            ("C", "Cloud, clearly. We can't keep patching servers in the basement."),
            (
                "B",
                "On-premise is a sunk cost for us; moving to the cloud adds a subscription "
                "we haven't budgeted.",
            ),
            (
                "A",
                "The wards care about one thing: the app must work offline when the Wi-Fi drops.",
            ),
            (
                "S",
                "Let me check I've got this right: IT worries about maintenance, finance "
                "about a new recurring cost, and the wards about working offline. Fair?",
            ),
            ("B", "That's fair."),
            (
                "S",
                "What matters most to each of you in this choice? I suspect the answers "
                "differ, and that's useful.",
            ),
            ("C", "Security and not being on call at weekends."),
            (
                "S",
                "Then I suggest we cost both options, offline mode included, and meet "
                "again to decide together.",
            ),
        ],
    ],
}

SCRIPTS = {"fr": FR, "en": EN}

#: (kind, index) of the scripts that fit a prospect; the others speak of an existing contract.
FOR_PROSPECTS = {"fr": [("collaborative", 1)], "en": [("collaborative", 1)]}
#: Script kinds the generator may pick; "split" belongs to the story accounts only.
GENERIC = {
    "warm": ["collaborative"],
    "neutral": ["collaborative", "tense"],
    "sour": ["tense", "combative"],
}
