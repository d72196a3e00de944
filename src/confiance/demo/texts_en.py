"""English texts of the demo, written in English (not translated from the French ones).

Slots are the same as in ``texts_fr``.
"""

from __future__ import annotations

MODULES = [
    "the work-order module",
    "the field mobile app",
    "the spare-parts module",
    "the contractor portal",
    "the dashboards",
    "preventive planning",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
DELIVERABLES = [
    "the side-by-side comparison of both options",
    "the revised rollout plan",
    "the priced proposal",
    "the workshop write-up",
    "the technical note on sync failures",
]

EMAILS_IN = {
    "warm": [
        (
            "Thanks for Tuesday's training",
            "Hi {s},\n\nA quick thank-you for the session: the supervisors at {site} are finally "
            "comfortable with {module}. Two of them told me it saves them half an hour a day on "
            "data entry.\n\nCould you send over the slides? I'd like to share them "
            "internally.\n\nBest,\n{c}",
        ),
        (
            "Quarter in review",
            "Hi {s},\n\nGood news: our work-order closure rate reached {pct}% this quarter, the "
            "first time we've beaten the target. The board noticed. Shall we go through it at "
            "our next check-in?\n\nCheers,\n{c}",
        ),
        (
            "Rolling out to {site}",
            "Hi {s},\n\nFollowing our chat, we'd like to extend the platform to {site}. Could you "
            "put together a proposal for roughly {n} more users? No rush, ideally before the "
            "end of the month.\n\nMany thanks,\n{c}",
        ),
        (
            "Great support this week",
            "{s},\n\nJust wanted to say thanks: the {day} outage on {module} was fixed by "
            "lunchtime and your support team kept us posted throughout. That's exactly what we "
            "expect from a partner.\n\n{c}",
        ),
        (
            "User group invitation",
            "Hi {s},\n\nWe're holding our user group on {date} at {site}. It would be great to "
            "have you there to walk us through what's coming in {module}. Does the date work "
            "for you?\n\n{c}",
        ),
    ],
    "neutral": [
        (
            "Query on invoice {ref}",
            "Hello,\n\nOur accounts team has a question on invoice {ref}: the extended support "
            "line appears twice. Could you check and issue a credit note if needed?\n\nKind "
            "regards,\n{c}",
        ),
        (
            "Monthly work-order export",
            "Hi {s},\n\nIs there a way to get a monthly CSV export of work orders? Finance wants "
            "to reconcile it with maintenance costs.\n\nThanks,\n{c}",
        ),
        (
            "{site} rollout dates",
            "Hi {s},\n\nCan you confirm the rollout dates for {site}? I need to book the field "
            "teams two weeks ahead.\n\n{c}",
        ),
        (
            "New release of {module}",
            "Hello,\n\nWe saw the release notes for {module}. Does anything affect our current "
            "configuration, and should we plan user acceptance testing on our side?\n\n{c}",
        ),
        (
            "Access for a new starter",
            "Hi {s},\n\nA new site manager joins us at {site} on {date}. Could you set up an "
            "account and let us know if there's online training?\n\nThanks,\n{c}",
        ),
    ],
    "sour": [
        (
            "Still waiting",
            "{s},\n\nWe still haven't received {promise}. This is the third time I've chased it. "
            "The team is stuck and I've run out of ways to explain the delay internally. Frankly, "
            "this is not good enough.\n\nI need a firm date.\n\n{c}",
        ),
        (
            "Repeated outages on {module}",
            "{s},\n\nThat's the third outage this month on {module}. The engineers at {site} lost "
            "a full day last week. The contract was clear about the service level, and this "
            "failure is unacceptable.\n\n{c}",
        ),
        (
            "Before we talk renewal",
            "{s},\n\nBefore we discuss any renewal, we have a problem. The monthly reviews "
            "stopped, our requests are ignored, and it feels like we no longer matter to you. "
            "My director is asking whether we should look elsewhere, and I have nothing good "
            "to tell her.\n\n{c}",
        ),
        (
            "Cost of {module}",
            "{s},\n\nThis is getting worse. Our finance director thinks {module} is a waste of "
            "money for what we actually use, and I can't prove her wrong. The problem needs "
            "dealing with, now.\n\n{c}",
        ),
    ],
}

EMAILS_OUT = {
    "warm": [
        (
            "Notes from our meeting",
            "Hi {c},\n\nThanks for your time on {day}. As agreed, I'll send {deliverable} by "
            "{date}. On your side, you'll share the list of priority sites.\n\nIf anything in "
            "this summary looks wrong, please tell me.\n\nBest regards,\n{s}",
        ),
        (
            "Proposal for {site}",
            "Hi {c},\n\nPlease find our proposal for {site} ({n} users). I've spelled out what is "
            "included and what isn't, so it's easy to compare. Happy to walk through it "
            "together whenever suits you.\n\n{s}",
        ),
    ],
    "neutral": [
        (
            "Your question about {module}",
            "Hi {c},\n\nGood question. Short answer: yes, it can be done, but it takes about {h} "
            "hours of configuration. I suggest we talk it through with our consultant first, to "
            "make sure it really solves your problem before we start anything.\n\n{s}",
        ),
        (
            "Monthly check-in",
            "Hi {c},\n\nShall we hold our monthly check-in next {day} at 10am? On the agenda: "
            "open requests, the {site} schedule and your questions on {module}. Do add anything "
            "you think matters.\n\n{s}",
        ),
    ],
    "sour": [
        (
            "Re: your message",
            "Hi {c},\n\nYou're right, we missed the deadline and I apologise. Here is what we're "
            "doing about it: you will have {deliverable} by {date} at the latest, and I'll call "
            "you that day to go through it together.\n\n{s}",
        ),
    ],
}

CALLS = {
    "warm": [
        "Call with {c}. Very pleased with the {site} rollout and keen to mention us to peers "
        "in the group. Next step: a demo for two more sites.",
        "Phone catch-up with {c}: users at {site} have taken to {module}. Request: a "
        "dashboards workshop. I'll offer two dates next week.",
        "{c} called to thank us for {day}'s upgrade and offered to speak at our user group.",
    ],
    "neutral": [
        "Call from {c} about the schedule. They're pushing user testing back two weeks "
        "because of an internal audit. Nothing alarming, but the go-live date needs "
        "revisiting.",
        "Talked budgets for next year with {c}. Nothing decided; a call back is due after the "
        "leadership meeting.",
        "Quick call with {c}: questions about contractor access rights. Sending the "
        "documentation, we'll pick it up again on {day}.",
    ],
    "sour": [
        "Tense call with {c}, angry about the delay on {promise}. Bad sign: their leadership "
        '"has questions". The call ended without a next step.',
        "{c} rang, annoyed: the engineers at {site} can't sync the app any more, a problem "
        "they call unacceptable. A written answer is expected this week; service credits "
        "were mentioned.",
    ],
}

NOTES = [
    "Internal note: {acc} has hired a new operations director. Meet them before the renewal.",
    "Note: {c} is on leave from the end of the month; the planning lead covers. Copy them in.",
    "Reminder: check with finance what pricing {acc} got last year before offering any new "
    "discount, so we stay consistent.",
    "Note: {acc} is tendering its maintenance subcontracting; the number of portal users may "
    "change.",
]

PREP_COMBATIVE = [
    "Prep for {acc} on {day}. They always change their minds, so we have to stand firm on "
    "scope this time. Their procurement lead is just trying to squeeze us. If they push back "
    "on price again, we walk away.",
    "They just don't get it. We've explained the integration three times. Frankly, they're "
    "trying to take advantage of us with all these free extras.",
    "Meeting with {c} tomorrow: this is a battle we need to win. Their IT people are wrong "
    "about the hosting and we have to prove it.",
]

PREP_COLLABORATIVE = [
    "Prep for {c} ({day}). Goal: understand what is really holding the decision. Ask: what "
    "matters most to you in this choice? Which risks in the timeline worry you? Explain why "
    "we recommend a pilot at {site}, then listen. I understand your concern about the "
    "migration; let's look at it together.",
    "For {acc}: acknowledge we were late with {deliverable} and say what we're doing about "
    "it. Ask how they'll measure success. It may be that we're not the right fit for them; "
    "if so, say so plainly.",
    "Budget meeting with {c}: I suspect their finance team has reasons we can't see. Ask "
    "what has changed since last year, summarise what we heard, then explain our position "
    "on price and why we hold it.",
]

MEETING_TITLES = [
    "Steering committee",
    "Quarterly business review",
    "Workshop on {module}",
    "Kick-off at {site}",
    "Progress review",
    "Contract review",
]

MEETING_SUMMARIES = {
    "warm": "Constructive meeting with {c} and team. {site} targets met; they want to extend "
    "{module}. We're preparing {deliverable}.",
    "neutral": "Progress review with {c}. {site} schedule confirmed, two open requests on "
    "{module}. Next review in a month.",
    "sour": "Difficult meeting, bad atmosphere: {c} is still waiting for {promise}. They "
    "question the value of {module} and demand a written action plan.",
}

CALL_TITLE = "Call with {c}"
NOTE_TITLE = "Internal note"
PREP_TITLE = "Prep: {acc}"

# (kind, description, amount range or None, hours range or None)
COMMITMENTS_OURS = [
    ("deliverable", "Send the revised rollout schedule", None, (4, 8)),
    ("investment", "Run two days of on-site training at no charge", None, (14, 16)),
    ("concession", "Hold licence prices for twelve months", (5_000, 15_000), None),
    ("risk", "Absorb the extra cost of the ERP interface", (8_000, 20_000), None),
    ("information", "Share the product roadmap for the next twelve months", None, None),
    ("deliverable", "Deliver the root-cause analysis of the sync failures", None, (6, 12)),
    ("investment", "Second a consultant to audit the configuration", None, (21, 35)),
    ("deliverable", "Send the priced proposal for the new site", None, None),
]
COMMITMENTS_THEIRS = [
    ("information", "Send the work-order export", None, None),
    ("investment", "Free up two engineers for the pilot", None, (30, 60)),
    ("deliverable", "Get the budget signed off by the leadership team", None, None),
    ("risk", "Go live before user testing is complete", None, None),
    ("concession", "Waive this quarter's late-delivery penalties", (3_000, 9_000), None),
    ("information", "Provide the list of priority sites", None, None),
    ("investment", "Give us access to the server logs", None, (2, 6)),
    ("deliverable", "Name a lead user at each site", None, None),
]

# --- Before a sale: the same kinds of messages, as a prospect writes them ----------------
EMAILS_IN_PROSPECT = {
    "warm": [
        (
            "Following the demo",
            "Hi {s},\n\nThanks for {day}'s demo. The team liked {module}, especially working "
            "offline. Could you send us a few references from our sector?\n\nKind regards,\n{c}",
        ),
        (
            "Site visit",
            "Hi {s},\n\nWould it be possible to visit one of your customers who uses {module}? "
            "Seeing it in a real plant would reassure our leadership.\n\n{c}",
        ),
    ],
    "neutral": [
        (
            "Security questionnaire",
            "Hi {s},\n\nOur IT team needs the attached security questionnaire completed before "
            "we go further. Could you manage it by {date}?\n\n{c}",
        ),
        (
            "Budget and timing",
            "Hi {s},\n\nFor your information, the budget goes to the leadership meeting on "
            "{date}. Before then, could you price a pilot at {site}?\n\nThanks,\n{c}",
        ),
    ],
    "sour": [
        (
            "Our decision",
            "{s},\n\nWe've decided not to go ahead for now. The project has dropped down the list "
            "and the budget has gone elsewhere. I'm afraid it's bad news.\n\n{c}",
        ),
        (
            "Your proposal",
            "{s},\n\nYour proposal is well above the others and we can't see what justifies the "
            "gap. As it stands, that's a problem.\n\n{c}",
        ),
    ],
}
EMAILS_OUT_PROSPECT = [
    (
        "Following our first conversation",
        "Hi {c},\n\nThanks for the conversation. If I understood correctly, your priorities are "
        "fewer breakdowns at {site} and better tracking of contractors. I suggest a demo focused "
        "on exactly those two; tell me if I missed anything.\n\n{s}",
    ),
    (
        "Customer references",
        "Hi {c},\n\nAs promised, here are three customers in your sector who are happy to talk "
        "to you. All of them started with a pilot at one site, as we're suggesting to "
        "you.\n\n{s}",
    ),
]
CALLS_PROSPECT = {
    "warm": [
        "First call with {c}: maintenance runs on spreadsheets and work orders get lost. Real "
        "interest in {module}. Demo to arrange.",
        "{c} called back: the committee liked the proposal and wants a priced pilot at {site}.",
    ],
    "neutral": [
        "Call with {c} to prepare the demo: three people attending, including IT. To show: "
        "{module} and the dashboards.",
    ],
    "sour": [
        "Call with {c}: project on hold, no budget this year. Bad news, and no next step agreed.",
    ],
}
MEETING_SUMMARY_PROSPECT = (
    "Demo for {c}: {module} shown to the teams from {site}. Questions about the ERP "
    "integration and data migration. Next step: {deliverable}."
)
NOTES_PROSPECT = [
    "Internal note: {acc} is comparing three vendors. Our strength: references in their "
    "sector. Our weakness: the licence price.",
    "Note: {c} leaves the project at the end of the month; ask who takes it over.",
]
# Prep notes that make sense before a sale (the others speak of what we delivered).
PREP_COMBATIVE_PROSPECT = [0, 1]
MEETING_TITLES_PROSPECT = [
    "Product demo",
    "Discovery workshop",
    "Proposal walkthrough",
    "Requirements review",
]
