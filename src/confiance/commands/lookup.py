"""Find the account a command-line user names, the way people type names in a terminal.

``confiance scorecard "hotels belle epoque"`` must find "Hôtels Belle Époque": people type
account names without their accents and in any case, and SQLite folds the case of ASCII
letters only. The rule stays the one of ``visible_accounts``: an account the user may not see
is "no such account", exactly as one that does not exist.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` without accents, case or surrounding spaces ("Énergies " → "energies")."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def find_visible_account(user, ref: str):
    """The account ``ref`` (an id, or a name in any case, with or without accents) that
    ``user`` may see; raises ``NoSuchAccount`` when there is none, or several."""
    from confiance.accounts.permissions import visible_accounts
    from confiance.insights.common import NoSuchAccount, find_account

    try:
        return find_account(user, ref)
    except NoSuchAccount:
        wanted = fold(str(ref))
        visible = visible_accounts(user)
        # Names only: a portfolio of 10,000 accounts is a few hundred kilobytes.
        ids = [pk for pk, name in visible.values_list("pk", "name") if fold(name) == wanted]
        if len(ids) != 1:
            raise
        return visible.get(pk=ids[0])
