"""The radar's cache: pages read from chunks match the radar service, and survive eviction."""

from __future__ import annotations

from django.core.cache import cache

from confiance.accounts.models import Account, AccountKind
from confiance.insights.radar import radar
from confiance.web import radar_cache


def _customers(seller, team, n=25):
    Account.objects.bulk_create(
        Account(
            name=f"Customer {i:02}",
            kind=AccountKind.CUSTOMER,
            owner=seller,
            team=team,
            annual_value=1000 * (i + 1),
        )
        for i in range(n)
    )


def _names(page) -> list[str]:
    return [entry.account for entry in page]


def test_pages_across_chunks_match_the_radar_service(monkeypatch, seller, team):
    monkeypatch.setattr(radar_cache, "CHUNK", 7)
    _customers(seller, team)
    expected = [e.account for e in radar(seller, lang="en").customers]
    for number in (1, 2, 3):
        first = radar_cache.radar_pages(seller, "en", {"customers": number}, 10)  # computes
        again = radar_cache.radar_pages(seller, "en", {"customers": number}, 10)  # from chunks
        wanted = expected[(number - 1) * 10 : number * 10]
        assert _names(first["customers"]) == wanted
        assert _names(again["customers"]) == wanted


def test_an_evicted_chunk_is_computed_again(monkeypatch, seller, team):
    monkeypatch.setattr(radar_cache, "CHUNK", 7)
    _customers(seller, team)
    expected = [e.account for e in radar(seller, lang="en").customers][10:20]
    radar_cache.radar_pages(seller, "en", {"customers": 2}, 10)
    evicted = [
        key.split(":", 2)[-1]
        for key in list(cache._cache)  # noqa: SLF001 - local-memory cache in tests
        if key.endswith(":customers:1")
    ]
    assert len(evicted) == 1 and cache.delete(evicted[0])
    assert (
        _names(radar_cache.radar_pages(seller, "en", {"customers": 2}, 10)["customers"]) == expected
    )


def test_out_of_range_pages_give_the_nearest_page(seller, team):
    _customers(seller, team, n=12)
    found = radar_cache.radar_pages(seller, "en", {"customers": "99", "prospects": "x"}, 10)
    assert found["customers"].number == 2 and len(found["customers"]) == 2
    assert found["prospects"].number == 1 and len(found["prospects"]) == 0


def test_a_new_topic_refreshes_the_radar(seller, team):
    from confiance.accounts.models import Topic

    _customers(seller, team, n=2)
    before = radar_cache.fingerprint(seller)
    Topic.objects.create(account=Account.objects.first(), title="Hosting")
    assert radar_cache.fingerprint(seller) != before
