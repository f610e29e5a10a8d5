"""One writer at a time per workspace: an advisory lock on `.figcheck/lock`, taken with the maintained
`filelock` package (portable, and released by the operating system when its process dies, so a
killed run never leaves the workspace locked)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from figcheck.claims.atomic import finish_publish, os_failure, remove_stale_temporaries
from figcheck.claims.errors import FigcheckError
from figcheck.claims.workspace import Layout

LOCK_FILE = "lock"
JOURNAL_FILE = "publish-journal.json"


class ChangedDuringRun(FigcheckError):
    """Files a person saved while a run was working on them; they were left as the person saved them."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        names = ", ".join(str(p) for p in paths)
        super().__init__(f"{names}: changed during the run and left as saved; run the command again")


def journal(layout: Layout) -> Path:
    return layout.cache_dir / JOURNAL_FILE


@contextmanager
def workspace_lock(layout: Layout, wait: float | None = None) -> Iterator[None]:
    """Hold the workspace's write lock; waits for another writer, saying so, at most `wait` seconds.

    Once held, a publish a killed run left half-done is finished and the temporary files of dead
    runs are removed: nothing else can be writing them.
    """
    from filelock import FileLock, Timeout  # only writers pay for the import

    path = layout.cache_dir / LOCK_FILE
    try:
        layout.cache_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(path)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            limit = f" (at most {wait:g} s)" if wait is not None else ""
            print(f"figcheck: another figcheck run is writing to {layout.root}; waiting for it to finish{limit}",
                  file=sys.stderr)
            try:
                lock.acquire(timeout=-1 if wait is None else wait)
            except Timeout:
                raise FigcheckError(f"{path}: another figcheck run still holds the workspace after {wait:g} s; "
                                    "nothing was changed. Run the command again once it has finished") from None
    except OSError as exc:
        raise os_failure(path, exc, "lock the workspace at") from None
    try:
        for path in finish_publish(journal(layout)):
            print(f"figcheck: {path}: changed after an interrupted run and left as saved", file=sys.stderr)
        remove_stale_temporaries([layout.claims_dir, layout.cache_dir], older_than=time.time())
        yield
    finally:
        lock.release()
