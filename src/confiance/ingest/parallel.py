"""Parse and analyse a large mbox on several cores, in order, with bounded memory.

The main process splits the archive (cheap) and writes to the database; worker processes
parse each message and run the coach on it (the costly part, and free of Django). Batches
come back in archive order; at most a few batches per worker are in flight, so memory stays
bounded whatever the archive size. Errors carry the same file, message and line as when
parsing in one process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from confiance.ingest.coaching import Reading, analyse_email
from confiance.ingest.email import ParsedEmail
from confiance.ingest.errors import IngestError
from confiance.ingest.mbox import RawMessage, iter_raw_messages, parse_raw

BATCH = 250
IN_FLIGHT_PER_WORKER = 3


def analysed_mbox(path: str | Path, *, workers: int = 1) -> Iterator[tuple[ParsedEmail, Reading]]:
    """Yield ``(message, coach reading)`` for each message of the archive, in order."""
    raws = iter_raw_messages(path)
    if workers <= 1:
        for raw in raws:
            mail = parse_raw(raw)
            yield mail, analyse_email(mail)
        return
    # "spawn": the workers must not inherit the parent's database connection.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future] = deque()
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        try:
            while True:
                batch = list(islice(raws, BATCH))
                if batch:
                    pending.append(pool.submit(_work, batch))
                if pending and (not batch or len(pending) >= workers * IN_FLIGHT_PER_WORKER):
                    yield from _results(pending.popleft().result())
                if not batch and not pending:
                    break
        finally:
            for future in pending:
                future.cancel()


def _work(batch: list[RawMessage]) -> list[tuple]:
    results: list[tuple] = []
    for raw in batch:
        try:
            mail = parse_raw(raw)
        except IngestError as exc:
            # Exceptions lose their keyword fields when pickled: send the fields.
            results.append(("error", exc.as_dict()))
            break
        results.append(("ok", mail, analyse_email(mail)))
    return results


def _results(results: list[tuple]) -> Iterator[tuple[ParsedEmail, Reading]]:
    for result in results:
        if result[0] == "error":
            raise IngestError.from_dict(result[1])
        yield result[1], result[2]
