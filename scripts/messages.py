"""Refresh the French catalogue: extract strings, merge drafts, compile.

Work that runs in parallel writes its French translations to ``locale/drafts/*.po``
(plain PO files holding only msgid/msgstr pairs); this script folds them into
``locale/fr/LC_MESSAGES/django.po`` and compiles the ``.mo`` that ships.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "confiance"
CATALOGUE = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def run(cmd: list[str], cwd: Path) -> None:
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "confiance.settings"}
    subprocess.run(cmd, cwd=cwd, env=env, check=True)  # noqa: S603


def main() -> None:
    drafts = sorted((PACKAGE / "locale" / "drafts").glob("*.po"))
    if drafts:
        # Existing translations win over drafts; drafts fill the gaps.
        run(
            ["msgcat", "--use-first", "-o", str(CATALOGUE), str(CATALOGUE), *map(str, drafts)],
            PACKAGE,
        )
    run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "fr",
            "--no-obsolete",
            # The parsers in ingest/ mark their messages with a framework-free gettext_noop.
            "--ignore",
            "coach/*",
        ],
        PACKAGE,
    )
    run(
        ["msgfmt", "--check-format", "-o", str(CATALOGUE.with_suffix(".mo")), str(CATALOGUE)],
        PACKAGE,
    )
    untranslated = (
        subprocess.run(
            ["msgattrib", "--untranslated", "--no-obsolete", str(CATALOGUE)],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.count("msgid ")
        - 1
    )
    print(f"French catalogue refreshed; {max(untranslated, 0)} strings still untranslated.")


if __name__ == "__main__":
    main()
