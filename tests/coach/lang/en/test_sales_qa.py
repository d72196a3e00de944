"""A sales manager's quality pass of the English coach on realistic seller text.

Prep notes, e-mails to buyers, Slack messages about a customer and call lines: what a
demanding reader of the report would notice — a flag on ordinary sales jargon, a locker-room
phrase let through, a collaborative move missed, a promise with the wrong date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from confiance.coach import analyze, tone

MONDAY = dt.date(2026, 11, 23)


def _moves(text: str) -> dict[str, list[str]]:
    """Move category -> the spans found, in order."""
    found: dict[str, list[str]] = {}
    for move in analyze(text, lang="en")["moves"]:
        found.setdefault(move["category"], []).append(move["text"])
    return found


# --- contractions: "what's driving it" is the same move as "what is driving it" ---------


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        (
            "The buyer asked for 15% off; I want to know what's driving it before we respond.",
            "probing_question",
            "what's driving",
        ),
        (
            "That's terrible, I'm sorry the rollout hit your month-end close.",
            "acknowledging",
            "That's terrible",
        ),
        ("I'm sorry, the login issue is on us.", "acknowledging", "I'm sorry"),
        ("I'd suggest we start with the finance team only.", "openness_hedging", "I'd suggest"),
        (
            "I can see where you're coming from on the renewal uplift.",
            "acknowledging",
            "I can see where you're coming from",
        ),
    ],
)
def test_a_contracted_move_is_recognised(text, category, span):
    assert span in _moves(text).get(category, [])


def test_i_suggest_alone_is_a_proposal_not_a_hedge():
    # "I suggest you look at my offer" pushes; only "I'd / I would suggest" softens.
    assert "openness_hedging" not in _moves("I suggest you look at my offer again.")


def test_who_is_right_framing_is_found_when_contracted():
    cats = [
        f["category"] for f in analyze("This meeting is about who's right.", lang="en")["findings"]
    ]
    assert "right_wrong" in cats


# --- sales jargon is full of war and sport words used harmlessly -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We hit our target for Q3 and closed the deal with Acme two weeks early.",
        "Great news: we won the account! Thanks to everyone who helped on the demo.",
        "We managed to beat the deadline on the security questionnaire.",
        "The plan is to kill the renewal risk early by fixing the onboarding issues they raised.",
        "This is a competitive displacement opportunity: their legacy contract ends in March.",
        "Procurement will probably push back on price, so let's prepare the ROI case.",
        "We're going to crush our number this quarter, team!",
        "It's an uphill battle to get budget approved this year.",
        "Our platform is battle-tested at three European banks.",
        "The champion is fighting to get the budget approved internally.",
        "They are fighting fires on their side this month, so the pilot slips a week.",
        "On our side, we'll prepare the quote; on their side, legal reviews the MSA.",
        "We need to get ahead of the competition by showing them the roadmap.",
        "The final price depends on the volume they commit to.",
        "Please confirm our final terms by Friday so legal can prepare the signature copy.",
        "The business case doesn't hold up without the licence savings; let's rebuild it.",
        "The customer will always need support in French, so let's staff Montreal.",
    ],
)
def test_harmless_sales_jargon_gets_no_finding(text):
    result = analyze(text, lang="en")
    assert result["findings"] == []
    assert result["tone"] > -0.2


@pytest.mark.parametrize(
    "text",
    [
        "They didn't get the invoice, can you resend it?",
        "They don't get paid until the project completes.",
        "They didn't get back to me yet.",
        "They can't get budget before Q2.",
        "They didn't realise the deadline moved.",
        "They don't follow the same fiscal year as us.",
        "They never received the NDA, so I'm resending it now.",
    ],
)
def test_everyday_get_see_and_received_are_no_blame(text):
    assert analyze(text, lang="en")["findings"] == []


# --- locker-room framings a sales manager would circle ----------------------------------


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        (
            "If they don't sign by Friday, the discount is gone.",
            "ultimatum",
            "the discount is gone",
        ),
        ("Tell them it's this price or nothing.", "ultimatum", "this price or nothing"),
        (
            "This is our final price, there's nothing more to discuss.",
            "ultimatum",
            "our final price",
        ),
        ("Sign now or lose the slot.", "ultimatum", "or lose the slot"),
        (
            "Let's not give them an inch on payment terms.",
            "fight_metaphor",
            "not give them an inch",
        ),
        ("We need to win the argument on Thursday.", "right_wrong", "win the argument"),
        ("We have to win this negotiation.", "fight_metaphor", "win this negotiation"),
        (
            "This is war: if we lose Acme, the competition gets a foothold.",
            "fight_metaphor",
            "This is war",
        ),
        (
            "We'll make them pay for this delay in the renewal.",
            "fight_metaphor",
            "make them pay for",
        ),
        ("We need to outsmart them on the pricing call.", "fight_metaphor", "outsmart them"),
        ("We'll crush their objections one by one.", "fight_metaphor", "crush their objections"),
        ("We'll have to force their hand on the timeline.", "fight_metaphor", "force their hand"),
        ("They need to be put in their place.", "fight_metaphor", "put in their place"),
        ("They'll fold if we hold firm.", "fight_metaphor", "They'll fold"),
        (
            "Don't let them push you around on the SLA.",
            "fight_metaphor",
            "Don't let them push you around",
        ),
        ("Time to go in hard and make them sweat.", "fight_metaphor", "go in hard"),
        (
            "We are not going to let procurement dictate terms to us.",
            "fight_metaphor",
            "not going to let procurement dictate",
        ),
        (
            "Who do they think they are, asking for a 40% discount?",
            "contempt",
            "Who do they think they are",
        ),
        ("Their CFO is a dinosaur.", "contempt", "is a dinosaur"),
        (
            "They're being completely unreasonable about the SLA.",
            "blame",
            "They're being completely unreasonable",
        ),
        ("That buyer is a nightmare to deal with.", "blame", "buyer is a nightmare"),
        ("Their sponsor has no clue what he's talking about.", "blame", "sponsor has no clue"),
        ("Their CFO is a dinosaur who doesn't get it.", "blame", "who doesn't get it"),
        ("Procurement wants to bleed us dry on this renewal.", "bad_intent", "bleed us dry"),
        (
            "They are holding the renewal hostage until we drop the price.",
            "bad_intent",
            "holding the renewal hostage",
        ),
        (
            "They are trying to pull a fast one on the renewal terms.",
            "bad_intent",
            "pull a fast one",
        ),
        ("They're trying to get something for nothing.", "bad_intent", "something for nothing"),
        ("I won't let that buyer bully me.", "bad_intent", "won't let that buyer bully me"),
        ("This RFP is rigged, they're just using us for a price check.", "bad_intent", "rigged"),
        ("They have been dragging their feet for months.", "bad_intent", "dragging their feet"),
        ("They should just sign and stop wasting our time.", "bad_intent", "stop wasting our time"),
        ("They will never agree to anything reasonable.", "absolutes", "They will never agree"),
        ("All they care about is getting a discount.", "absolutes", "All they care about"),
        (
            "The customer doesn't care about quality, only price.",
            "absolutes",
            "customer doesn't care about quality, only price",
        ),
        ("I'm sick of their excuses.", "dismissing", "their excuses"),
        (
            "They're just making excuses because they have no budget.",
            "dismissing",
            "making excuses",
        ),
        ("Their argument doesn't hold up at all.", "dismissing", "argument doesn't hold up"),
    ],
)
def test_a_combative_framing_is_circled(text, category, span):
    hits = [f for f in analyze(text, lang="en")["findings"] if f["category"] == category]
    assert [f["text"] for f in hits][:1] == [span]


def test_negation_before_until_does_not_excuse_waiting_for_them_to_cave():
    # "Don't" denies the giving; "until they cave" is its own clause and still a fight.
    cats = [
        f["category"]
        for f in analyze("Don't give them anything until they cave.", lang="en")["findings"]
    ]
    assert cats == ["fight_metaphor"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't think they're wrong about the integration effort; we underestimated it.",
        "I'm not saying they're wrong, just that we need more data.",
        "We're not going to play hardball with a ten-year customer.",
        "Their CIO is a tough negotiator but fair.",
    ],
)
def test_denied_or_fair_judgements_are_not_flagged(text):
    assert analyze(text, lang="en")["findings"] == []


# --- the rewrite must fit the sentence it replaces -------------------------------------


def test_stalling_gets_a_rewrite_about_the_delay_not_about_figures():
    finding = analyze("They're just stalling on the renewal.", lang="en")["findings"][0]
    assert finding["rule"] == "en.bad_intent.stalling"
    assert "longer" in finding["rewrite"] and "figure" not in finding["rewrite"]
    assert finding["question"].endswith("?")


def test_only_price_gets_a_rewrite_about_what_else_matters():
    finding = analyze("All they care about is price.", lang="en")["findings"][0]
    assert "what else matters" in finding["rewrite"]
    assert "price" in finding["question"].lower()


def test_unreasonable_is_answered_by_asking_what_drives_the_demand():
    finding = analyze("Procurement is being unreasonable.", lang="en")["findings"][0]
    assert finding["category"] == "blame"
    assert "behind it" in finding["rewrite"]


# --- a question does not hide what is said inside it ------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("How can they be so stupid?", "contempt"),
        ("How do you expect us to accept this, you idiots?", "contempt"),
        ("What do you think about their take it or leave it offer?", "ultimatum"),
        ("How are we going to crush them on Thursday?", "fight_metaphor"),
    ],
)
def test_a_finding_inside_a_wh_question_is_still_found(text, category):
    result = analyze(text, lang="en")
    assert category in [f["category"] for f in result["findings"]]
    assert result["tone"] < -0.3


def test_a_hostile_question_is_not_scored_as_a_neutral_probe():
    assert analyze("What the hell is this?", lang="en")["tone"] < -0.3


def test_an_open_question_is_still_a_probing_move():
    moves = _moves("What would success look like for your team in six months?")
    assert moves["probing_question"] == ["What would"]
    assert "probing_question" in _moves("What's the biggest risk you see with switching vendors?")


# --- collaborative moves in British and e-mail English ----------------------------------


@pytest.mark.parametrize(
    ("text", "category", "span"),
    [
        ("I reckon their procurement lead is under pressure.", "openness_hedging", "I reckon"),
        ("Fair enough, the rollout timing is tight for you.", "acknowledging", "Fair enough"),
        ("Totally get that, budgets are tight everywhere.", "acknowledging", "Totally get that"),
        (
            "Their CFO is sceptical, which is understandable after last year.",
            "acknowledging",
            "which is understandable",
        ),
        (
            "I want to understand what's behind the request before we respond.",
            "probing_question",
            "I want to understand",
        ),
        (
            "I'd like to understand how you'll compare the two proposals.",
            "probing_question",
            "I'd like to understand",
        ),
        (
            "Just to make sure I've got this right: the blocker is the data migration?",
            "summarising",
            "make sure I've got this right",
        ),
        (
            "Would it help if we joined your steering committee?",
            "joint_next_step",
            "Would it help if",
        ),
        (
            "Happy to adjust the scope if that helps you get it approved.",
            "joint_next_step",
            "if that helps",
        ),
        ("Here's why we priced it that way.", "explaining_reasons", "Here's why"),
        (
            "I might be missing something, but the numbers look different.",
            "openness_hedging",
            "I might be missing something",
        ),
        ("Much obliged for the quick turnaround.", "gratitude", "obliged"),
        ("Cheers for the heads-up on the reorg.", "gratitude", "Cheers for"),
        (
            "What are your main concerns with moving forward?",
            "probing_question",
            "What are your main concerns",
        ),
        (
            "If I put myself in their shoes, switching looks risky.",
            "acknowledging",
            "in their shoes",
        ),
        (
            "From their point of view, the delay cost them a quarter.",
            "acknowledging",
            "From their point of view",
        ),
    ],
)
def test_a_collaborative_move_is_recognised(text, category, span):
    assert span in _moves(text).get(category, [])


def test_refusing_to_understand_is_no_move():
    assert "probing_question" not in _moves("I don't want to understand, I want them to sign.")


# --- promises: the date a buyer will hold us to ------------------------------------------


@pytest.mark.parametrize(
    ("text", "action", "due"),
    [
        (
            "I'll send you the revised proposal by end of day Thursday.",
            "send you the revised proposal",
            "2026-11-26",
        ),
        (
            "I'll follow up with a summary by close of business tomorrow.",
            "follow up with a summary",
            "2026-11-24",
        ),
        ("I'll confirm by EOD tomorrow.", "confirm", "2026-11-24"),
        ("I'll send it by end of day.", "send it", "2026-11-23"),
        ("Will do, I'll send it over first thing Monday.", "send it over", "2026-11-30"),
        ("Our team will send the draft MSA by Wednesday.", "send the draft MSA", "2026-11-25"),
        (
            "I'll be in touch next month to plan the QBR.",
            "be in touch to plan the QBR",
            "2026-12-31",
        ),
        ("We'll deliver on the 3rd of December.", "deliver", "2026-12-03"),
        ("I'll follow up in a couple of days.", "follow up", "2026-11-25"),
        ("I'll send it within a few days.", "send it", "2026-11-26"),
        ("I'll send it in a day or two.", "send it", "2026-11-24"),
        ("We'll get you the quote by the end of next week.", "get you the quote", "2026-12-04"),
        (
            "Happy to set up a call with our CTO on Thursday.",
            "set up a call with our CTO",
            "2026-11-26",
        ),
    ],
)
def test_a_promise_gets_its_action_and_due_date(text, action, due):
    commitments = analyze(text, lang="en", reference_date=MONDAY)["commitments"]
    assert [(c["action"], c["due_date"]) for c in commitments] == [(action, due)]


@pytest.mark.parametrize(
    "text",
    [
        "Happy to help with the business case.",  # an offer without a date is no promise
        "Our team won't be able to join on Friday.",
        "We'll see what we can do on price.",
    ],
)
def test_offers_without_a_date_and_refusals_are_no_promise(text):
    assert analyze(text, lang="en", reference_date=MONDAY)["commitments"] == []


# --- a second round, written after the first fixes ------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Their buyer thinks he can push us around because they're a big logo.", "fight_metaphor"),
        ("They have no intention of signing, they're just fishing for a benchmark.", "bad_intent"),
        ("They're only using us as a benchmark against the incumbent.", "bad_intent"),
        ("We'll steamroll their objections in the exec meeting.", "fight_metaphor"),
        ("Time to move in for the kill.", "fight_metaphor"),
        ("They're trying to trap us into unlimited liability.", "bad_intent"),
        ("I'm not going to let some junior buyer tell me how to price.", "fight_metaphor"),
        ("We must not blink on price.", "fight_metaphor"),
        ("Their security objections are smoke and mirrors.", "dismissing"),
        ("They're clearly bluffing about the other vendor.", "bad_intent"),
        ("The CFO is being a total pain about the payment schedule.", "blame"),
        ("I'm done playing nice with procurement.", "fight_metaphor"),
        ("We don't let Dave bully us again.", "bad_intent"),
        ("If they don't sign by the 30th, the discount is off the table.", "ultimatum"),
        ("Honestly he's clueless about what the platform does.", "blame"),
    ],
)
def test_more_locker_room_framings_are_circled(text, category):
    assert category in [f["category"] for f in analyze(text, lang="en")["findings"]]


def test_clueless_is_blame_not_an_insult():
    # "He's clueless" says he doesn't get it; it is not the severity-3 contempt of "idiot".
    finding = analyze("He's clueless about our roadmap.", lang="en")["findings"][0]
    assert (finding["category"], finding["severity"]) == ("blame", 2)


@pytest.mark.parametrize(
    "text",
    [
        "The customer never complained about the response times, but usage dropped.",
        "I don't think they're bluffing about the other vendor, so let's compare seriously.",
        "The killer feature for them is the offline mode.",
        "They're a tough crowd, but the questions were fair and we learned a lot.",
        "Game plan for tomorrow: listen first, then walk through the three options.",
        "We're competing against Globex; our edge is the SAP integration.",
    ],
)
def test_more_ordinary_sales_talk_gets_no_finding(text):
    assert analyze(text, lang="en")["findings"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Who else is involved in the decision?", "Who else"),
        ("Who's involved on the finance side?", "Who's involved"),
        ("Who decides on the budget?", "Who decides"),
    ],
)
def test_asking_who_decides_is_a_probing_question(text, span):
    assert span in _moves(text).get("probing_question", [])


# --- advice against a framing mentions it, it does not use it ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Let's avoid a win-lose negotiation and find something that works for both.",
        "I don't want this to become us versus them.",
        "I don't want the call to turn into a fight over who's right.",
        "I never said they were stupid, I said the process was confusing.",
        "It's not that they don't get it, it's that we haven't shown the numbers.",
        "I don't believe they're stalling; their budget cycle is just slow.",
    ],
)
def test_warding_off_a_framing_is_not_a_finding(text):
    result = analyze(text, lang="en")
    assert result["findings"] == []
    assert result["tone"] > 0


def test_reported_ultimatum_stays_a_gentle_flag():
    finding = analyze("According to their buyer, the price is non-negotiable.", lang="en")[
        "findings"
    ][0]
    assert finding["category"] == "ultimatum"
    assert finding["severity"] == 2  # one less than the seller's own "non-negotiable"


@pytest.mark.parametrize(
    "text",
    [
        "We'll set up a war room for the Acme renewal with legal and finance.",
        "Finance always closes the books on the 5th, so invoices must be in by then.",
        "The CFO always signs off on multi-year deals.",
        "The sponsor is lying low until the reorg is done.",
        "Our sponsor has no idea yet that the budget was cut; I'll tell her tomorrow.",
        "We smashed our quota this quarter.",
        "Let's strike while the iron is hot and send the proposal today.",
        "We must defend the account against Globex.",
        "They're ready to pull the trigger once the CFO signs off.",
        "On-prem licences have gone the way of the dinosaurs.",
    ],
)
def test_process_facts_and_internal_jargon_get_no_finding(text):
    assert analyze(text, lang="en")["findings"] == []


def test_arming_a_champion_is_only_a_mild_habit():
    finding = analyze("We need to give our champion ammunition.", lang="en")["findings"][0]
    assert (finding["category"], finding["severity"]) == ("fight_metaphor", 1)


def test_a_buying_role_that_never_listens_is_still_an_absolute():
    finding = analyze("The CFO never listens to the users.", lang="en")["findings"][0]
    assert finding["category"] == "absolutes"


# --- whole e-mails: a firm but collaborative answer against a curt one -----------------

FIRM_AND_OPEN = (
    "Hi Linda, thanks for your note. We've looked hard at the 20% request and can't get "
    "there without cutting the support that your team relies on. What we can do is a "
    "two-year term at 8% less, or keep the price and add the analytics module. Would either "
    "work for you? Happy to walk through the numbers on Thursday."
)
CURT = (
    "Linda, as I already said, 20% is not happening. Your request is frankly unrealistic "
    "and we've been more than flexible. Sign by Friday or the current offer expires."
)


def test_a_firm_but_open_reply_reads_collaborative_and_a_curt_one_combative():
    open_reply, curt_reply = analyze(FIRM_AND_OPEN, lang="en"), analyze(CURT, lang="en")
    assert open_reply["findings"] == []
    assert "Would either work for you" in [m["text"] for m in open_reply["moves"]]
    assert open_reply["tone"] > 0.5 > -0.5 > curt_reply["tone"]
    assert {f["category"] for f in curt_reply["findings"]} == {"dismissing", "ultimatum"}


def test_owning_a_delay_and_accepting_a_no_are_moves():
    apology = _moves("Sorry for the delay on the questionnaire, that's on us.")
    assert apology["acknowledging"] == ["that's on us"]
    no_deal = _moves(
        "If the timing doesn't work for you this year, that's completely fine; "
        "I'd rather we part on good terms than push a deal that isn't right for you."
    )
    assert no_deal["accepting_no_deal"] == [
        "If the timing doesn't work for you",
        "part on good terms",
        "isn't right for you",
    ]


def test_impossible_people_are_blamed_but_impossible_to_reach_is_a_fact():
    assert analyze("Honestly these guys are impossible.", lang="en")["findings"]
    assert analyze("They are impossible to reach this week.", lang="en")["findings"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("They dropped the ball on the data export.", "They dropped the ball"),
        ("They keep dropping the ball on invoices.", "They keep dropping the ball"),
        ("They totally messed up the migration.", "They totally messed up"),
    ],
)
def test_assigning_fault_is_highlighted_as_a_whole_phrase(text, span):
    finding = analyze(text, lang="en")["findings"][0]
    assert (finding["rule"], finding["text"]) == ("en.blame.their_fault", span)


def test_telling_a_buyer_what_they_do_not_really_need_lowers_the_tone():
    # Undervaluing their need (CaSiNo's uv-part), unlike the reassurance "you don't need to".
    assert tone("You don't really need the extra licences.", "en") < -0.2
    assert tone("You don't need to do anything, we'll handle the migration.", "en") > -0.2


def test_reporting_ones_own_words_keeps_the_framing_ones_own():
    own = analyze("I told them it's our final offer.", lang="en")["findings"][0]
    theirs = analyze("The buyer told me it's their final offer.", lang="en")["findings"][0]
    assert (own["category"], own["severity"]) == ("ultimatum", 3)
    assert (theirs["category"], theirs["severity"]) == ("ultimatum", 2)
    said = analyze("I said they were idiots, and I stand by it.", lang="en")["findings"]
    assert [f["category"] for f in said] == ["contempt"]


# --- British and American idioms of the locker room ------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Procurement are taking the mickey with these payment terms.", "bad_intent"),
        ("Their buyer is trying it on again with that competitor quote.", "bad_intent"),
        ("They've been stringing us along since the summer.", "bad_intent"),
        ("They lowballed us again.", "bad_intent"),
        ("It's a typical procurement power play.", "bad_intent"),
        ("They're having a laugh if they think we'll do it for that.", "dismissing"),
        ("Their so-called requirements change every week.", "dismissing"),
        ("That counteroffer is pure BS.", "dismissing"),
        ("Their lawyer is a complete muppet.", "contempt"),
        ("They're not serious buyers, just tyre kickers.", "contempt"),
        ("This customer is more trouble than they're worth.", "contempt"),
        ("If they want to play dirty, so can we.", "fight_metaphor"),
        ("We need to teach them a lesson on this renewal.", "fight_metaphor"),
        ("We can't let them get away with this.", "fight_metaphor"),
        ("We hold all the cards; they need us more than we need them.", "fight_metaphor"),
        ("No way we're giving in to their demands.", "fight_metaphor"),
        ("Frankly their IT guy hasn't got a clue.", "blame"),
    ],
)
def test_british_and_american_locker_room_idioms_are_circled(text, category):
    assert category in [f["category"] for f in analyze(text, lang="en")["findings"]]


@pytest.mark.parametrize(
    "text",
    [
        "That was a knee-jerk reaction on our side, sorry.",
        "We're trying it on the staging server first.",
        "We were having a laugh about it at the offsite.",
        "I'm rather amateur at building business cases, so I'd welcome your help.",
        "The guy from their IT team fixed the SSO issue in an hour.",
        "BS 7799 was the first standard for information security.",
    ],
)
def test_look_alikes_of_those_idioms_are_left_alone(text):
    assert analyze(text, lang="en")["findings"] == []


def test_writing_a_customer_off_gets_a_rewrite_about_serving_them():
    finding = analyze("Honestly this account is not worth the hassle.", lang="en")["findings"][0]
    assert finding["rule"] == "en.contempt.not_worth"
    assert "serve" in finding["rewrite"]


# --- a third round: jibes, gloating and passive-aggressive e-mail -----------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Their team can't organise a meeting to save their lives.", "contempt"),
        ("We're not here to babysit their IT department.", "contempt"),
        ("Their buyer is a bully, plain and simple.", "contempt"),
        ("They have zero understanding of how licensing works.", "blame"),
        ("They clearly don't value our work.", "blame"),
        ("We've bent over backwards for them and this is the thanks we get.", "blame"),
        ("Their CIO thinks he knows better than everyone.", "right_wrong"),
        ("They're only pretending to evaluate other vendors.", "bad_intent"),
        ("I'm going over their heads to the CEO.", "fight_metaphor"),
        ("They'll regret it when the other system falls over.", "fight_metaphor"),
        ("It's their loss if they go with the cheaper option.", "dismissing"),
        ("Whatever, they can figure it out themselves.", "dismissing"),
        ("Typical finance people, they only see numbers.", "absolutes"),
    ],
)
def test_jibes_and_gloating_are_circled(text, category):
    assert category in [f["category"] for f in analyze(text, lang="en")["findings"]]


@pytest.mark.parametrize(
    ("curt", "plain"),
    [
        (
            "Per my last email, the pricing was valid until the 15th.",
            "Per our conversation, the pricing is valid until the 15th.",
        ),
        (
            "As previously stated, we cannot change the SLA.",
            "As discussed, we can't change the SLA, but we can add a service credit.",
        ),
        (
            "Not sure if you saw my previous emails, but we still need the PO.",
            "Just checking you received the PO request I sent on Monday.",
        ),
    ],
)
def test_passive_aggressive_mail_formulae_read_colder_than_plain_reminders(curt, plain):
    assert tone(curt, "en") < -0.2 < tone(plain, "en")


@pytest.mark.parametrize(
    "text",
    [
        "It's their decision, and I'll respect whatever they choose.",
        "Finance people tend to focus on payback, so let's lead with the numbers.",
        "Let's bury the old disagreement and focus on the launch.",
        "Whatever they decide, let's keep the relationship warm.",
        "They value responsiveness above all, so let's staff support properly.",
    ],
)
def test_third_round_look_alikes_are_left_alone(text):
    assert analyze(text, lang="en")["findings"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("It's our team against their procurement.", "our team against their procurement"),
        ("We versus procurement, round two.", "We versus procurement"),
    ],
)
def test_a_contest_between_our_team_and_theirs_is_us_versus_them(text, span):
    finding = analyze(text, lang="en")["findings"][0]
    assert (finding["category"], finding["text"]) == ("us_versus_them", span)


def test_competing_against_another_vendor_is_not_us_versus_the_customer():
    assert analyze("We're up against Globex on this one.", lang="en")["findings"] == []
    finding = analyze("We need to get one over on them.", lang="en")["findings"][0]
    assert finding["category"] == "fight_metaphor"


# --- said to the buyer's face ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I don't think you understand what you're asking for.", "blame"),
        ("You clearly have no idea what you're doing with this rollout.", "blame"),
        ("Obviously you haven't read the proposal.", "blame"),
        ("They didn't even read the security pack.", "blame"),
        ("Nobody else complains about this, only you.", "blame"),
        ("You're being totally unrealistic.", "blame"),
        ("You people always want more for less.", "contempt"),
        ("Let me educate you on how SaaS pricing works.", "right_wrong"),
        ("You need to understand that this is the best price you'll get.", "right_wrong"),
        ("If you can't decide, we'll find a customer who can.", "ultimatum"),
        ("Look, it's simple: sign or don't.", "ultimatum"),
        ("That's a ridiculous request and you know it.", "dismissing"),
        ("Please stop dithering and give us an answer.", "bad_intent"),
    ],
)
def test_condescension_to_the_buyer_is_circled(text, category):
    assert category in [f["category"] for f in analyze(text, lang="en")["findings"]]


@pytest.mark.parametrize(
    "text",
    [
        "I don't think they are stupid, just busy.",
        "I don't think you're wrong about the rollout risk.",
        "They haven't read the proposal yet; I'll send a one-page summary.",
        "I'm not sure I explained the pricing model well; let me try again.",
        "That's not something we can offer, but we could look at a longer term.",
    ],
)
def test_plain_talk_to_the_buyer_is_left_alone(text):
    assert analyze(text, lang="en")["findings"] == []


def test_meeting_halfway_is_a_joint_next_step():
    assert "meet you halfway" in _moves("Can we meet you halfway on the uplift?")["joint_next_step"]
