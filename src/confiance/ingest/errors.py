"""The one exception every parser raises on bad input."""

from __future__ import annotations


class IngestError(ValueError):
    """Bad input, with where it was found: the file, and the line or MIME part when known.

    ``str(error)`` is the clear message shown to the user, e.g.
    ``call.vtt, line 7: invalid timestamp '00:00:6.5'``.
    """

    def __init__(
        self,
        message: str,
        *,
        filename: str = "",
        line: int | None = None,
        part: str | None = None,
    ) -> None:
        self.message = message
        self.filename = filename
        self.line = line
        self.part = part
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.filename:
            where.append(self.filename)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.part:
            where.append(f"part {self.part}")
        return f"{', '.join(where)}: {self.message}" if where else self.message

    def located(self, filename: str) -> IngestError:
        """A copy of this error that names ``filename`` (when it named no file yet)."""
        if self.filename:
            return self
        return IngestError(self.message, filename=filename, line=self.line, part=self.part)
