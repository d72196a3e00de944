"""Error messages of the coach engine, as numbered templates kept in one place."""

from __future__ import annotations

SUPPORTED_LANGUAGES = ("fr", "en")

MESSAGES = {
    "E001": "Unsupported language {lang!r}: the coach analyses French ('fr') and English ('en').",
    "E002": "Language data {path}: {problem}",
    "E003": "Give either a text or transcript segments, not both.",
    "E004": "A transcript turn needs a speaker and a text (turn {index}).",
}


def message(code: str, **kwargs: object) -> str:
    """Format the numbered message ``code`` and prefix it with its id."""
    return f"coach.{code}: " + MESSAGES[code].format(**kwargs)


class CoachError(ValueError):
    """Any error the engine raises on bad input or bad language data."""


class UnknownLanguageError(CoachError):
    """Raised when a language other than French or English is asked for."""

    def __init__(self, lang: object) -> None:
        self.lang = lang
        super().__init__(message("E001", lang=lang))


class LanguageDataError(CoachError):
    """Raised when a language data file is malformed (a bug in the data, not user input)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(message("E002", path=path, problem=problem))
