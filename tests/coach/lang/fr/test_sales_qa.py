"""Passe qualité sur du français de vendeur réaliste : notes de préparation, e-mails, messages
internes et lignes de transcription, comme un directeur commercial exigeant s'en servirait.

Chaque cas dit ce qu'un vendeur remarquerait : telle phrase reçoit (ou ne reçoit pas) tel
constat, telle promesse a telle échéance, telle reformulation se lit ainsi.
"""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.coach import analyze, tone

# Un lundi : « vendredi » est le 27 novembre, « lundi » le 30.
MONDAY = dt.date(2026, 11, 23)

# Du français d'affaires collaboratif ou neutre : aucun constat.
NO_FINDING = [
    "Prépa RDV jeudi : nous devons tenir le planning de déploiement, c'est notre engagement.",
    "Objectif de l'année : battre le record de satisfaction client de 2025.",
    "Ils ne comprennent pas encore notre offre, reprenons l'explication avec un schéma.",
    "Si vous ne comprenez pas un point du devis, n'hésitez pas à m'appeler.",
    "S'ils ne comprennent pas, c'est qu'on a mal expliqué : je refais la présentation.",
    "Ils ont toujours payé à temps, aucun souci de ce côté.",
    "Ils sont toujours disponibles quand on a besoin d'eux.",
    "Le client est toujours réactif sur les validations.",
    "Ils ont toujours été fiables sur les volumes annoncés.",
    "Ils ont toujours payé à temps.",
    "Le client paie toujours à l'heure.",
    "Ils ont toujours tenu leurs engagements.",
    "Ils sont toujours au rendez-vous.",
    "Nous avons toujours livré dans les délais depuis cinq ans, c'est un point fort à rappeler.",
    "On ne lâche pas le client, on le rappelle la semaine prochaine pour comprendre son refus.",
    "Je ne pense pas qu'ils soient de mauvaise foi : ils ont une contrainte budgétaire.",
    "Je n'ai pas du tout l'impression qu'ils cherchent à nous avoir, ils ont peur du changement.",
    "Jamais je ne dirais qu'ils sont incompétents : ils manquent de ressources.",
    "Il ne faut pas les prendre pour des idiots, ils ont fait leurs calculs.",
    "Le client pense qu'on l'a pris pour un imbécile avec la dernière facture ; excusons-nous.",
    "Selon leur DAF, nous serions des incompétents. Je veux comprendre ce qui a provoqué ça.",
    "Le client a été clair : c'est leur dernière offre. Prenons le temps de comprendre pourquoi.",
    "Merci pour votre dernière proposition, nous l'étudions avec le comité.",
    "C'est de notre faute, on n'a pas prévenu à temps ; je m'en excuse auprès d'eux demain.",
    "Ce n'est pas leur faute si le projet a glissé, on a sous-estimé la reprise des données.",
    "Ils ont un budget serré, c'est normal qu'ils négocient.",
    # Deux voies offertes, pas un ultimatum ; « prix ferme » est un prix forfaitaire.
    "Soit vous signez le bon de commande, soit vous validez par e-mail, comme vous préférez.",
    "Notre offre est faite à prix ferme et définitif, hors options.",
    "Le prix reste ferme jusqu'à la livraison.",
    # « Toujours » au sens d'« encore ».
    "Le DAF est toujours en congé cette semaine, on le verra lundi.",
    "Les achats sont toujours en train de consolider les réponses.",
    "Ils sont toujours intéressés par le module de reporting.",
    # Locutions sans le sens du constat.
    "Le client a fait semblant de rien mais il a bien noté notre réactivité.",
    "On arrête les frais de port à partir de 500 € de commande.",
    "Le test de charge a été truqué par erreur, on relance demain.",
    "J'ai raison de m'inquiéter ou pas ?",
    "je pense pas qu'ils mentent, ils ont sûrement d'autres chiffres",
    "Avec ce client, il faut toujours tout vérifier deux fois.",
    # La négation qui porte sur toute la suite, et le « il » impersonnel.
    "Il n'y a pas de raison de penser que l'appel d'offres est truqué.",
    "On ne va pas leur dire que c'est à prendre ou à laisser, ce serait contre-productif.",
    "Surtout, ne leur dites pas qu'ils n'ont rien compris.",
    "Il ne faut jamais leur dire qu'ils sont nuls.",
    "Il ne faut jamais dire au client « c'est votre faute ».",
    "Il n'y a jamais de problème avec eux.",
    "Je ne pense pas qu'ils abusent, leurs délais sont ceux du secteur.",
    "Il ne s'agit pas de leur imposer nos conditions mais de trouver un accord.",
    "On va leur montrer de quoi on est capables, sans les écraser : en livrant à l'heure.",
    # Sans accent, « bornés » devient « bornes », un autre mot.
    "Le client est à la borne de recharge.",
    "Il est possible qu'ils se soient trompés dans leurs volumes, vérifions ensemble.",
    # Sens courants d'affaires des mots de rejet et de combat.
    "Nous voulons éviter à tout prix une interruption de service pendant la migration.",
    "Vous pouvez me demander n'importe quoi sur la sécurité, je vous réponds volontiers.",
    "Peu importe la date retenue, notre équipe sera prête.",
    "Nous vous proposons un paiement en trois fois sans intérêt.",
    "Notre marge est ridicule sur ce lot, on ne peut pas aller plus bas.",
    "Le bidon d'huile est inclus dans le kit de maintenance.",
    "ils sont pas du tout cons, faut arrêter de les sous-estimer",
    "Je me permets de vous relancer concernant notre proposition du 12 novembre.",
    "Nous avons bien reçu votre demande de remise ; nous ne pouvons pas y donner suite en l'état, car nos coûts ont augmenté.",
]


@pytest.mark.parametrize("text", NO_FINDING)
def test_le_langage_d_affaires_collaboratif_ne_recoit_aucun_constat(text):
    assert analyze(text, lang="fr")["findings"] == []


# Du langage de vestiaire : le constat attendu et ce qu'il surligne.
FINDINGS = [
    # Reproche
    ("Ils comprennent pas, franchement.", "blame", "Ils comprennent pas"),
    (
        "Le client ne comprend toujours pas pourquoi on facture la maintenance.",
        "blame",
        "client ne comprend toujours pas",
    ),
    ("Ils savent même pas lire un cahier des charges.", "blame", "Ils savent même pas lire"),
    ("Leur DSI est complètement à l'ouest.", "blame", "DSI est complètement à l'ouest"),
    ("C'est la faute du client si on est en retard.", "blame", "la faute du client"),
    (
        "Avec tout le respect que je vous dois, vous n'avez pas lu notre proposition.",
        "blame",
        "vous n'avez pas lu",
    ),
    (
        "Le client a encore changé d'avis, ils savent pas ce qu'ils veulent",
        "blame",
        "ils savent pas ce qu'ils veulent",
    ),
    (
        "Ils se sont complètement plantés dans leur analyse.",
        "blame",
        "Ils se sont complètement plantés",
    ),
    ("Ils n'en font qu'à leur tête.", "blame", "Ils n'en font qu'à leur tête"),
    ("Ils ne veulent rien entendre.", "blame", "Ils ne veulent rien entendre"),
    # Mépris
    ("Ils ne nous ont jamais payés à l'heure, ces rapaces.", "contempt", "ces rapaces"),
    ("Ces acheteurs sont vraiment chiants.", "contempt", "acheteurs sont vraiment chiants"),
    ("Elle m'a raccroché au nez, quelle conne.", "contempt", "quelle conne"),
    ("Ils sont bornés.", "contempt", "Ils sont bornés"),
    ("Ils ont une mentalité de fonctionnaires.", "contempt", "mentalité de fonctionnaires"),
    ("Ce ne sont que des amateurs.", "contempt", "Ce ne sont que des amateurs"),
    # Eux contre nous
    (
        "Il faut qu'on reste soudés face à ce client difficile.",
        "us_versus_them",
        "reste soudés face",
    ),
    ("On n'est pas du même côté, faut pas l'oublier.", "us_versus_them", "pas du même côté"),
    # Procès d'intention
    ("Le nouvel acheteur va essayer de nous plumer.", "bad_intent", "essayer de nous plumer"),
    ("Vous me prenez pour un imbécile ?", "bad_intent", "Vous me prenez pour un imbécile"),
    ("Vous êtes en train de nous étrangler avec ces conditions.", "bad_intent", "nous étrangler"),
    ("Ils abusent avec leurs délais de paiement à 90 jours.", "bad_intent", "Ils abusent"),
    ("C'est du vol, leurs pénalités.", "bad_intent", "C'est du vol"),
    (
        "Ils se croient tout permis parce qu'ils sont gros.",
        "bad_intent",
        "Ils se croient tout permis",
    ),
    ("Ces mecs n'ont aucune parole.", "bad_intent", "mecs n'ont aucune parole"),
    ("On ne peut pas leur faire confiance.", "bad_intent", "ne peut pas leur faire confiance"),
    ("Leur appel d'offres est truqué.", "bad_intent", "appel d'offres est truqué"),
    ("Ils font semblant de ne pas comprendre.", "bad_intent", "font semblant"),
    ("Ils traînent des pieds depuis le début.", "bad_intent", "traînent des pieds"),
    ("Le client est roi, mais là il exagère.", "bad_intent", "il exagère"),
    ("Ils nous ont bien eus sur ce coup-là.", "bad_intent", "nous ont bien eus"),
    ("Ils se foutent de notre gueule.", "bad_intent", "Ils se foutent de notre gueule"),
    ("Le client nous a menti sur les volumes.", "bad_intent", "client nous a menti"),
    (
        "Ils nous prennent vraiment pour des vaches à lait.",
        "bad_intent",
        "nous prennent vraiment pour des vaches à lait",
    ),
    (
        "Si on cède là-dessus, ils vont nous manger tout cru.",
        "fight_metaphor",
        "nous manger tout cru",
    ),
    ("Faut les cuisiner sur leur budget réel.", "fight_metaphor", "les cuisiner"),
    ("On va les noyer sous les références clients.", "fight_metaphor", "les noyer sous"),
    ("Ce client est ingérable.", "contempt", "client est ingérable"),
    ("Les achats, c'est une plaie.", "contempt", "achats, c'est une plaie"),
    ("Je les ai recadrés pendant la réunion.", "right_wrong", "les ai recadrés"),
    ("Leur réponse est à côté de la plaque.", "dismissing", "à côté de la plaque"),
    ("Il ne voit que des lignes de coûts.", "absolutes", "Il ne voit que des lignes de coûts"),
    (
        "Ils nous font tourner en bourrique depuis trois mois.",
        "bad_intent",
        "nous font tourner en bourrique",
    ),
    ("Le DSI est un dinosaure.", "contempt", "DSI est un dinosaure"),
    ("C'est des rigolos, leur process d'achat.", "contempt", "C'est des rigolos"),
    ("Leur contre-proposition est une insulte.", "contempt", "est une insulte"),
    ("Faut qu'on leur mette une claque sur la démo.", "fight_metaphor", "leur mette une claque"),
    (
        "Je vais lui dire ses quatre vérités au prochain comité.",
        "right_wrong",
        "dire ses quatre vérités",
    ),
    (
        "Ils n'y connaissent strictement rien en cybersécurité.",
        "blame",
        "Ils n'y connaissent strictement rien",
    ),
    ("Ils peuvent toujours courir pour avoir 15 %.", "dismissing", "Ils peuvent toujours courir"),
    (
        "Ils ont encore repoussé la réunion, c'est du foutage de gueule.",
        "bad_intent",
        "foutage de gueule",
    ),
    ("Encore un client qui croit que tout lui est dû.", "bad_intent", "croit que tout lui est dû"),
    ("On les aura à l'usure.", "fight_metaphor", "les aura à l'usure"),
    ("On va leur faire cracher le budget, crois-moi.", "fight_metaphor", "leur faire cracher"),
    ("Leur DAF est un vrai mur, impossible de discuter.", "contempt", "DAF est un vrai mur"),
    (
        "Ils vont nous faire perdre notre temps avec leurs appels d'offres.",
        "blame",
        "nous faire perdre notre temps",
    ),
    (
        "Ces gens-là ne savent pas ce qu'est un vrai partenariat.",
        "blame",
        "gens-là ne savent pas ce qu'est",
    ),
    ("On ne va pas céder au chantage.", "bad_intent", "ne va pas céder au chantage"),
    (
        "Ils nous mettent le couteau sous la gorge avec ce délai.",
        "bad_intent",
        "nous mettent le couteau sous la gorge",
    ),
    # Généralisations
    (
        "Leur DAF est toujours en retard sur les paiements.",
        "absolutes",
        "DAF est toujours en retard",
    ),
    ("Ils ne nous ont jamais payés à l'heure.", "absolutes", "Ils ne nous ont jamais payés"),
    (
        "Avec eux c'est toujours la même chose : ils promettent et rien ne suit.",
        "absolutes",
        "eux c'est toujours la même chose",
    ),
    ("Ils veulent toujours plus pour moins cher.", "absolutes", "Ils veulent toujours plus"),
    ("Ils paient toujours en retard.", "absolutes", "Ils paient toujours en retard"),
    (
        "Ils ne pensent qu'au prix, rien d'autre ne les intéresse.",
        "absolutes",
        "Ils ne pensent qu'au prix",
    ),
    ("Ils ne regardent que le prix unitaire.", "absolutes", "Ils ne regardent que le prix"),
    (
        "C'est toujours la même rengaine avec ces acheteurs.",
        "absolutes",
        "toujours la même rengaine",
    ),
    # Qui a raison, qui a tort
    (
        "C'est nous qui avons raison, les chiffres le prouvent.",
        "right_wrong",
        "nous qui avons raison",
    ),
    ("Ils refusent d'entendre raison.", "right_wrong", "refusent d'entendre raison"),
    # Métaphores de combat
    ("Jeudi, on ne lâche rien sur le prix.", "fight_metaphor", "ne lâche rien"),
    ("Faut pas se laisser faire.", "fight_metaphor", "pas se laisser faire"),
    ("On est en position de force.", "fight_metaphor", "position de force"),
    (
        "Il faut en profiter pour leur imposer nos conditions.",
        "fight_metaphor",
        "leur imposer nos conditions",
    ),
    ("T'inquiète, ils finiront par céder.", "fight_metaphor", "finiront par céder"),
    ("Il va falloir leur montrer qui commande.", "fight_metaphor", "leur montrer qui commande"),
    ("On doit rester fermes sur le prix.", "fight_metaphor", "rester fermes sur le prix"),
    (
        "Il faut qu'on close avant la fin du trimestre, quitte à leur forcer la main.",
        "fight_metaphor",
        "leur forcer la main",
    ),
    ("Il faut les mettre au pas.", "fight_metaphor", "les mettre au pas"),
    ("Il faut taper du poing sur la table.", "fight_metaphor", "taper du poing sur la table"),
    ("On va pas se laisser marcher dessus.", "fight_metaphor", "pas se laisser marcher dessus"),
    ("C'est eux qui ont besoin de nous.", "fight_metaphor", "eux qui ont besoin de nous"),
    ("Ils vont voir de quel bois on se chauffe.", "fight_metaphor", "de quel bois on se chauffe"),
    (
        "On a pas le choix, faut qu'on leur rentre dedans jeudi.",
        "fight_metaphor",
        "leur rentre dedans",
    ),
    ("Ils veulent signer à tout prix.", "fight_metaphor", "à tout prix"),
    ("Tu vas voir, ils vont craquer avant nous.", "fight_metaphor", "craquer avant nous"),
    # Ultimatums
    (
        "Il n'est pas question de baisser, c'est ferme et définitif.",
        "ultimatum",
        "c'est ferme et définitif",
    ),
    ("C'est ça ou on arrête les frais.", "ultimatum", "on arrête les frais"),
    (
        "Soit ils signent avant le 31, soit on passe au client suivant.",
        "ultimatum",
        "Soit ils signent avant le 31, soit on passe",
    ),
    (
        "C'est notre dernière offre, après on passe à autre chose.",
        "ultimatum",
        "C'est notre dernière offre",
    ),
    ("Notre tarif est non négociable cette année.", "ultimatum", "non négociable"),
    ("Tu leur dis qu'on maintient le prix et puis c'est tout.", "ultimatum", "et puis c'est tout"),
    (
        "Sans nouvelles de votre part d'ici vendredi, nous considérerons que le projet est abandonné.",
        "ultimatum",
        "considérerons que le projet est abandonné",
    ),
    ("Faute de réponse avant le 30, l'offre sera caduque.", "ultimatum", "sera caduque"),
    ("On va les mettre au pied du mur.", "ultimatum", "les mettre au pied du mur"),
    # Rejet
    ("Leur juriste chipote sur chaque virgule.", "dismissing", "chipote"),
    ("Leur proposition est ridicule.", "dismissing", "ridicule"),
    ("Peu importe ce qu'ils disent, on maintient notre prix.", "dismissing", "Peu importe"),
    ("Qu'ils aillent voir ailleurs si c'est mieux.", "dismissing", "Qu'ils aillent voir ailleurs"),
    (
        "S'il n'est pas content, il va voir ailleurs.",
        "dismissing",
        "pas content, il va voir ailleurs",
    ),
    ("Je n'en ai rien à faire de leurs états d'âme.", "dismissing", "n'en ai rien à faire"),
    ("Ils n'ont qu'à lire le contrat.", "dismissing", "Ils n'ont qu'à"),
]


@pytest.mark.parametrize(("text", "category", "span"), FINDINGS)
def test_le_langage_de_vestiaire_recoit_son_constat(text, category, span):
    findings = analyze(text, lang="fr")["findings"]
    assert [(f["category"], f["text"]) for f in findings if f["category"] == category] == [
        (category, span)
    ], findings


def test_non_negociable_propose_d_expliquer_la_limite_plutot_que_de_fermer_la_porte():
    (finding,) = analyze("Cette remise n'est pas négociable.", lang="fr")["findings"]
    assert finding["rule"] == "fr.ultimatum.non_negociable"
    assert finding["severity"] == 2
    assert "je vais vous expliquer pourquoi" in finding["rewrite"]
    assert "à prendre ou à laisser" not in finding["rewrite"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Ce qu'on reproche à une demande, pas des chiffres faux : la reformulation en parle.
        ("Ils abusent avec leurs pénalités.", "Cette demande me paraît déséquilibrée"),
        ("Ces mecs n'ont aucune parole.", "Des engagements n'ont pas été tenus"),
        ("Leur appel d'offres est truqué.", "sur quels critères"),
        ("Ils n'ont qu'à lire le contrat.", "je leur montre où se trouve la réponse"),
    ],
)
def test_la_reformulation_parle_de_ce_que_dit_la_phrase(text, words):
    (finding,) = analyze(text, lang="fr")["findings"]
    assert words in finding["rewrite"]
    assert "Leurs chiffres" not in finding["rewrite"]
    assert finding["question"].endswith("?")


def test_le_reproche_adresse_a_l_interlocuteur_est_reformule_en_lui_parlant():
    (finding,) = analyze("Vous n'avez rien compris à notre proposition.", lang="fr")["findings"]
    assert finding["category"] == "blame"
    assert finding["rewrite"].startswith("Je n'ai sans doute pas été assez clair")
    assert "leur" not in finding["rewrite"]
    (about_them,) = analyze("Ils n'ont rien compris à notre proposition.", lang="fr")["findings"]
    assert "leur manque" in about_them["rewrite"]


def test_ne_que_est_une_restriction_et_sa_reformulation_parle_de_ce_qui_compte_derriere_le_prix():
    (finding,) = analyze("Le client ne veut que des remises.", lang="fr")["findings"]
    assert finding["severity"] == 1
    assert "coût total" in finding["rewrite"]
    assert (
        finding["question"]
        == "Au-delà du prix, qu'est-ce qui fera la différence dans votre décision ?"
    )


def test_le_report_repete_est_lu_comme_de_l_obstruction_pas_comme_des_chiffres_faux():
    (finding,) = analyze(
        "Ils ont encore repoussé la réunion, c'est du foutage de gueule.", lang="fr"
    )["findings"]
    assert finding["rule"] == "fr.bad_intent.obstruction"
    assert "ce qui les retient" in finding["rewrite"]


def test_une_reformulation_ne_propose_pas_de_maintenir_un_ultimatum_sur_le_prix_pour_un_delai():
    (finding,) = analyze("Soit ils signent avant le 31, soit on arrête.", lang="fr")["findings"]
    assert finding["rule"] == "fr.ultimatum.delai"
    assert "décision" in finding["rewrite"]


MOVES = [
    ("Est-ce que ce calendrier vous paraît réaliste ?", "probing_question", "vous paraît réaliste"),
    (
        "On est d'accord sur l'essentiel, reste à caler les détails.",
        "acknowledging",
        "On est d'accord sur",
    ),
    (
        "Je trouve leur position légitime, même si elle nous coûte.",
        "acknowledging",
        "Je trouve leur position légitime",
    ),
    (
        "Dites-moi si je me trompe : le calendrier vous inquiète ?",
        "openness_hedging",
        "si je me trompe",
    ),
    (
        "J'ai l'impression que le calendrier vous inquiète.",
        "openness_hedging",
        "J'ai l'impression que",
    ),
    (
        "Ce n'est peut-être pas la bonne solution pour vous.",
        "accepting_no_deal",
        "Ce n'est peut-être pas la bonne solution",
    ),
    (
        "Si notre offre ne correspond pas à vos besoins, disons-le-nous franchement.",
        "accepting_no_deal",
        "ne correspond pas à vos besoins",
    ),
    ("Je ne veux pas vous forcer la main.", "accepting_no_deal", "ne veux pas vous forcer"),
    ("Prenez le temps qu'il vous faut.", "accepting_no_deal", "Prenez le temps"),
    ("J'entends bien votre contrainte budgétaire.", "acknowledging", "J'entends"),
    (
        "Pourquoi est-ce important pour vous de garder la main sur le paramétrage ?",
        "probing_question",
        "Pourquoi est-ce important pour vous de garder la main sur le paramétrage ?",
    ),
    ("Je vous explique notre raisonnement.", "explaining_reasons", "Je vous explique"),
    (
        "Je serais ravi d'en discuter avec vous et votre DAF.",
        "joint_next_step",
        "en discuter avec vous",
    ),
    (
        "On se fait un point vendredi pour préparer le comité ?",
        "joint_next_step",
        "On se fait un point",
    ),
    (
        "Il est possible qu'ils se soient trompés, vérifions.",
        "openness_hedging",
        "Il est possible qu'",
    ),
    (
        "Nous et le client, on vise le même objectif : livrer avant l'été.",
        "joint_next_step",
        "le même objectif",
    ),
    ("Leur position est claire et je la respecte.", "acknowledging", "je la respecte"),
    ("Je suis déçu, mais cherchons une solution.", "joint_next_step", "cherchons"),
    (
        "Est-ce que tu pourrais me dire ce qui compte le plus pour ta direction ?",
        "probing_question",
        "ce qui compte le plus pour ta direction",
    ),
    (
        "Est-ce que vous pouvez m'expliquer ce comparatif ?",
        "probing_question",
        "Est-ce que vous pouvez m'expliquer",
    ),
    ("Que diriez-vous d'un pilote de trois mois ?", "probing_question", "Que diriez-vous"),
    ("Si je résume, la sécurité passe avant le prix pour vous.", "summarising", "Si je résume"),
    (
        "Ce que je retiens, c'est que le calendrier vous contraint.",
        "summarising",
        "Ce que je retiens",
    ),
    (
        "Je voudrais m'assurer que j'ai bien compris : le coût total compte plus ?",
        "summarising",
        "que j'ai bien compris",
    ),
    (
        "Je ne suis pas d'accord, mais je vois pourquoi vous le pensez.",
        "acknowledging",
        "je vois pourquoi",
    ),
    (
        "Vous avez parfaitement le droit de choisir un autre prestataire.",
        "accepting_no_deal",
        "Vous avez parfaitement le droit de",
    ),
    (
        "D'accord. Vous pourriez me montrer leur proposition ?",
        "probing_question",
        "Vous pourriez me montrer",
    ),
    ("Le client n'a pas tort sur ce point.", "acknowledging", "client n'a pas tort"),
    ("Ils ont raison sur le délai, on a sous-estimé.", "acknowledging", "Ils ont raison"),
    (
        "Voici pourquoi nous tenons à cette clause : elle protège vos données.",
        "explaining_reasons",
        "Voici pourquoi",
    ),
]


@pytest.mark.parametrize(("text", "category", "span"), MOVES)
def test_les_mouvements_collaboratifs_sont_reconnus(text, category, span):
    moves = analyze(text, lang="fr")["moves"]
    assert (category, span) in [(m["category"], m["text"]) for m in moves], moves


COMMITMENTS = [
    ("Je vous envoie le devis vendredi matin.", "envoyer le devis", "2026-11-27"),
    (
        "On vous fait parvenir le contrat signé demain matin.",
        "faire parvenir le contrat signé",
        "2026-11-24",
    ),
    ("On vous transmet les CGV d'ici jeudi.", "transmettre les CGV", "2026-11-26"),
    ("Je t'envoie la présentation ce soir.", "envoyer la présentation", "2026-11-23"),
    ("Promis, je te fais un retour d'ici demain midi.", "faire un retour", "2026-11-24"),
    ("Je m'engage à vous répondre sous 48h.", "répondre", "2026-11-25"),
    (
        "Je vous rappelle mardi prochain pour faire le point.",
        "rappeler pour faire le point",
        "2026-11-24",
    ),
    (
        "On le rappelle la semaine prochaine pour comprendre son refus.",
        "rappeler pour comprendre son refus",
        "2026-12-04",
    ),
    ("Je la relance lundi sans faute.", "relancer sans faute", "2026-11-30"),
    ("Je rappelle Durand vendredi pour débriefer.", "rappeler Durand pour débriefer", "2026-11-27"),
    ("J'envoie le devis demain matin.", "envoyer le devis", "2026-11-24"),
    (
        "Je vous envoie le PV de recette demain avant midi.",
        "envoyer le PV de recette",
        "2026-11-24",
    ),
    ("Nous vous ferons un retour sous huit jours.", "faire un retour", "2026-12-01"),
    (
        "Je passe vous voir jeudi avec notre chef de projet.",
        "passer vous voir avec notre chef de projet",
        "2026-11-26",
    ),
    (
        "Je vous recontacte après le comité, donc vers le 10.",
        "recontacter après le comité",
        "2026-12-10",
    ),
    ("Je vous tiens au courant dès que j'ai la validation du DAF.", "tenir au courant", None),
]


@pytest.mark.parametrize(("text", "action", "due"), COMMITMENTS)
def test_les_promesses_ont_la_bonne_action_et_la_bonne_echeance(text, action, due):
    commitments = analyze(text, lang="fr", reference_date=MONDAY)["commitments"]
    assert [(c["action"], c["due_date"]) for c in commitments] == [(action, due)]


@pytest.mark.parametrize(
    "text",
    [
        "On va perdre ce client si on ne bouge pas.",
        "On va avoir du mal à tenir ce délai.",
        "Je vais attendre leur retour avant de relancer.",
        "On les écrasera sur la démo.",
        "Je le rappelle, le contrat prévoit une révision annuelle.",
        "Je rappelle que la réunion est vendredi.",
        "Je rappelle, comme je l'ai dit lundi, que le prix est ferme.",
        "Je vous fais confiance pour la suite.",
        "On va pas se laisser marcher dessus.",
        "C'est un match, et on va le gagner.",
        "T'inquiète, on va les plier.",
        "Sans nouvelles de votre part d'ici vendredi, nous considérerons que le projet est abandonné.",
    ],
)
def test_une_crainte_un_plan_de_bataille_ou_un_rappel_ne_sont_pas_des_promesses(text):
    assert analyze(text, lang="fr", reference_date=MONDAY)["commitments"] == []


def test_deux_promesses_dans_une_phrase_gardent_chacune_leur_echeance():
    text = "Je vous envoie notre comparatif détaillé demain et je vous rappelle jeudi."
    commitments = analyze(text, lang="fr", reference_date=MONDAY)["commitments"]
    assert [(c["action"], c["due_date"]) for c in commitments] == [
        ("envoyer notre comparatif détaillé", "2026-11-24"),
        ("rappeler", "2026-11-26"),
    ]


def test_l_eloge_et_la_reassurance_donnent_un_ton_positif():
    assert tone("Ils sont toujours réactifs, c'est un plaisir.", lang="fr") > 0
    assert tone("Pas de souci, je vous renvoie le fichier.", lang="fr") > 0
    assert tone("Ils veulent toujours plus pour moins cher.", lang="fr") < 0
    assert (
        tone("Je ne veux pas vous forcer la main : prenez le temps qu'il vous faut.", lang="fr") > 0
    )
    assert (
        tone(
            "Pourquoi est-ce important pour vous de garder la main sur le paramétrage ?", lang="fr"
        )
        > 0
    )
    assert tone("Ils nous manquent de respect à chaque réunion.", lang="fr") < 0


def test_le_ton_rapide_egale_celui_de_l_analyse_sur_toutes_ces_phrases():
    texts = NO_FINDING + [t for t, _, _ in FINDINGS] + [t for t, _, _ in MOVES]
    for text in texts:
        assert tone(text, lang="fr") == analyze(text, lang="fr")["tone"], text


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        ("Pourquoi sont-ils aussi incompétents ?", "contempt", "incompétents"),
        ("Pourquoi ils sont incompétents ?", "contempt", "ils sont incompétents"),
        ("Pourquoi vous ne répondez jamais ?", "absolutes", "vous ne répondez jamais"),
        ("Quels idiots, franchement ?", "contempt", "Quels idiots"),
    ],
)
def test_une_question_n_avale_pas_le_constat_qu_elle_contient(text, category, span):
    # La question directe ne couvre que le mot interrogatif et l'inversion : ce qu'elle
    # contient est lu comme le reste du texte.
    found = [(f["category"], f["text"]) for f in analyze(text, lang="fr")["findings"]]
    assert (category, span) in found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Comment voyez-vous la suite ?", "Comment voyez-vous"),
        ("Quel est votre calendrier ?", "Quel est"),
        ("Comment pouvons-nous vous aider à avancer ?", "Comment pouvons-nous"),
    ],
)
def test_la_question_directe_reste_un_mouvement_repere(text, span):
    moves = [(m["category"], m["text"]) for m in analyze(text, lang="fr")["moves"]]
    assert ("probing_question", span) in moves
    assert tone(text, "fr") >= 0
