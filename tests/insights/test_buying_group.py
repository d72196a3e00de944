"""The buying-group map: divergence per topic, unknown positions, a collaborative agenda."""

from __future__ import annotations

import pytest

from confiance.accounts.models import Contact, StakeholderPosition, Topic
from confiance.insights.buying_group import buying_group_map
from confiance.insights.common import NoSuchAccount


@pytest.fixture
def group(account):
    people = {
        name: Contact.objects.create(
            account=account, name=name, influence=influence, buying_role=role
        )
        for name, influence, role in [
            ("Alice", 5, "decision_maker"),
            ("Bruno", 4, "finance"),
            ("Chloé", 2, "user"),
            ("Dan", 3, "technical_evaluator"),
        ]
    }
    hosting = Topic.objects.create(account=account, title="Hosting")
    training = Topic.objects.create(account=account, title="Training")
    budget = Topic.objects.create(account=account, title="Budget", decided=True)
    for name, topic, priority, alt, risk in [
        ("Alice", hosting, 5, "Cloud", "Lock-in"),
        ("Bruno", hosting, 5, "On premise", "Running costs"),
        ("Chloé", hosting, 2, "cloud ", ""),
        ("Alice", training, 3, "On site", ""),
        ("Bruno", training, 3, "On site", ""),
        ("Alice", budget, 5, "200k", ""),
    ]:
        StakeholderPosition.objects.create(
            contact=people[name], topic=topic, priority=priority,
            preferred_alternative=alt, perceived_risk=risk,
        )  # fmt: skip
    return people


def test_divergence_is_high_where_weighty_people_disagree(account, seller, group):
    result = buying_group_map(seller, account)
    topics = {t.title: t for t in result.topics}
    assert topics["Training"].divergence == 0
    assert topics["Hosting"].divergence > 50
    assert [t.title for t in result.topics] == ["Hosting", "Training", "Budget"]
    hosting = topics["Hosting"]
    assert [(c.alternative, c.supporters) for c in hosting.camps] == [
        ("Cloud", ["Alice", "Chloé"]),
        ("On premise", ["Bruno"]),
    ]
    assert hosting.missing == ["Dan"]


def test_stakeholders_without_a_position_are_named(account, seller, group):
    result = buying_group_map(seller, account)
    assert result.unknown == ["Dan"]
    assert "No known position for: Dan." in result.summary


def test_the_agenda_starts_with_the_most_divided_open_topic(account, seller, group):
    agenda = buying_group_map(seller, account).agenda
    assert [item.topic for item in agenda] == ["Hosting", "Training"]  # Budget is decided
    hosting = agenda[0]
    questions = {q.name: q.question for q in hosting.questions}
    assert questions["Alice"] == (
        "Ask Alice what makes Cloud the right choice for them, and what they would need to see "
        "to consider On premise. Explore the risk they see: Lock-in."
    )
    assert questions["Dan"] == "Ask Dan where they stand on Hosting and what matters most to them."
    assert (
        "Those for Cloud (Alice, Chloé) need to understand why those for On premise (Bruno) "
        "prefer it, and the risk they fear: Running costs." in hosting.understand
    )


def test_agreement_on_the_option_but_not_the_urgency(account, seller):
    a = Contact.objects.create(account=account, name="A", influence=3)
    b = Contact.objects.create(account=account, name="B", influence=3)
    topic = Topic.objects.create(account=account, title="CRM")
    StakeholderPosition.objects.create(
        contact=a, topic=topic, priority=5, preferred_alternative="X"
    )
    StakeholderPosition.objects.create(
        contact=b, topic=topic, priority=1, preferred_alternative="X"
    )
    item = buying_group_map(seller, account).agenda[0]
    assert item.divergence == 30
    assert item.understand == [
        "They agree on the option but not on its urgency: compare what each one needs first."
    ]


def test_the_map_is_private(account, outsider, second_seller, manager, group):
    for user in (outsider, second_seller):
        with pytest.raises(NoSuchAccount):
            buying_group_map(user, account.pk)
    assert buying_group_map(manager, "northwind").account == "Northwind"


@pytest.mark.parametrize("size", [5, 50])
def test_the_map_takes_a_constant_number_of_queries(
    account, seller, size, django_assert_max_num_queries
):
    topic = Topic.objects.create(account=account, title="T")
    for i in range(size):
        c = Contact.objects.create(account=account, name=f"C{i}")
        StakeholderPosition.objects.create(contact=c, topic=topic, preferred_alternative=str(i % 3))
    with django_assert_max_num_queries(6):
        result = buying_group_map(seller, account)
    assert len(result.stakeholders) == size


def test_free_text_wordings_of_the_same_option_form_one_camp(account, seller):
    topic = Topic.objects.create(account=account, title="Hosting")
    for name, alt in [
        ("A", "On-premise"),
        ("B", "Stay on premise"),
        ("C", "Managed cloud"),
        ("D", "Cloud, phased"),
    ]:
        contact = Contact.objects.create(account=account, name=name)
        StakeholderPosition.objects.create(contact=contact, topic=topic, preferred_alternative=alt)
    camps = buying_group_map(seller, account).topics[0].camps
    assert [(c.alternative, c.supporters, c.variants) for c in camps] == [
        ("On-premise", ["A", "B"], ["Stay on premise"]),
        ("Cloud, phased", ["D"], []),
        ("Managed cloud", ["C"], []),
    ]


def test_the_summary_counts_topics_with_the_right_plural_in_both_languages(account, seller):
    Topic.objects.create(account=account, title="Hosting")
    english = buying_group_map(seller, account, lang="en").summary
    french = buying_group_map(seller, account, lang="fr").summary
    assert english.startswith(f"{account.name}: 1 topic, 0 of them strongly divided.")
    assert ": 1 sujet, dont 0 très divisé." in french
