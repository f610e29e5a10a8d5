"""Atomic file writes: a reader or a crash never sees half a file, and a person's file is never
overwritten by a run that read an older version of it.

A file is staged (written in full to a temporary file beside it, read back, flushed to disk) and
then published (renamed over its target). Several files published together go through a journal:
it lists every rename before the first is made, so a run killed half-way is finished by the next
one (`finish_publish`) and the files are never left part old, part new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from figcheck.claims.errors import FigcheckError

# mkstemp's names: ".<target name>.<8 random characters>.tmp".
TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


class RefusedError(FigcheckError, OSError):
    """The operating system refused a read or a write (permissions, a full disk, a read-only folder).
    Also an OSError, so code that tolerates a failed write (an optional cache) still does."""


def os_failure(path: Path, exc: OSError, doing: str = "write", unchanged: bool = True) -> RefusedError:
    """An OSError as one line naming the path, for the person who can fix it."""
    reason = exc.strerror or str(exc)
    if doing == "read":
        return RefusedError(f"{path}: cannot be read ({reason}); check its permissions")
    kept = "nothing was changed. " if unchanged else ""
    return RefusedError(f"{path}: cannot {doing} ({reason}); {kept}"
                      "Check the folder's permissions and the free space, then run the command again")


def digest(path: Path) -> str | None:
    """The content hash of a file, or None when there is none: what a run read, to compare before renaming."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise os_failure(path, exc, "read") from None


def problems_of(reader: Callable[[Path], object]) -> Callable[[Path], list[str]]:
    """A reader that raises FigcheckError for a bad file, as the `reads_back` of `stage`."""
    def check(path: Path) -> list[str]:
        try:
            reader(path)
        except FigcheckError as exc:
            return [str(exc)]
        return []
    return check


def file_mode() -> int:
    """The mode a new file gets from the umask (mkstemp's files are private whatever the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: str | bytes, reads_back: Callable[[Path], list[str]] | None = None) -> None:
    """Stage `data` beside `path` and rename it into place."""
    publish([(stage(path, data, reads_back), Path(path))])


def stage(path: Path, data: str | bytes, reads_back: Callable[[Path], list[str]] | None = None) -> Path:
    """`data` written in full and flushed to disk in a temporary file beside `path`; `publish` puts it
    in place, `discard` drops it. Until then `path` is untouched.

    `reads_back(temporary)` returns the problems the reader of this kind of file finds in it: a file
    figcheck could not read again is never put in place.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), file_mode())
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        problems = reads_back(Path(tmp)) if reads_back else []
    except OSError as exc:
        discard([tmp] if tmp else [])
        raise os_failure(path, exc) from None
    except BaseException:
        discard([tmp] if tmp else [])
        raise
    if problems:
        discard([tmp])
        raise FigcheckError(f"{path}: figcheck made a file it could not read back ({problems[0]}); "
                            "nothing was changed. Please report this with the source")
    return Path(tmp)


def publish(staged: list[tuple[Path, Path]], journal: Path | None = None,
            expected: dict[Path, str | None] | None = None) -> list[Path]:
    """Rename each staged temporary file over its target; returns the targets left alone.

    `expected` maps a target to the content hash a run read at its start (None: there was no file);
    a target whose file differs now was changed by someone else meanwhile and is not overwritten.
    With a `journal`, a run killed between two renames is finished by the next `finish_publish`.
    """
    if journal is not None and len(staged) > 1:
        entries = [[os.path.relpath(tmp, journal.parent), os.path.relpath(path, journal.parent),
                    (expected or {}).get(Path(path), "")] for tmp, path in staged]
        write_atomic(journal, json.dumps(entries))
    left = _rename_all([(Path(tmp), Path(path), (expected or {}).get(Path(path), "")) for tmp, path in staged])
    if journal is not None:
        _remove(journal)
    return left


def _rename_all(entries: list[tuple[Path, Path, str | None]]) -> list[Path]:
    """Each rename made unless the target changed since it was read ("" for "not compared")."""
    left, folders = [], set()
    for i, (tmp, path, before) in enumerate(entries):
        try:
            if before != "" and digest(path) != before:
                discard([tmp])
                left.append(path)
                continue
            os.replace(tmp, path)
            folders.add(path.parent)
        except OSError as exc:
            # Renames already made stay; those not made are dropped, so no staged file lingers.
            discard([t for t, _, _ in entries[i:]])
            raise os_failure(path, exc) from None
    for folder in sorted(folders):
        _sync_folder(folder)
    return left


def finish_publish(journal: Path) -> list[Path]:
    """Finish the renames a killed run had begun, so its files are all new; returns the targets
    left alone because a person changed them after that run had read them."""
    try:
        entries = json.loads(Path(journal).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        _remove(journal)  # never completed, so no rename was made: the files are all old
        return []
    base = Path(journal).parent
    pending = [(base / tmp, base / path, before) for tmp, path, before in entries if (base / tmp).exists()]
    left = _rename_all(pending)
    _remove(journal)
    return left


def remove_stale_temporaries(folders: list[Path], older_than: float) -> None:
    """Temporary files of runs that died before `older_than` (a time): none is still being written."""
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            try:
                if TEMPORARY.match(path.name) and path.is_file() and path.stat().st_mtime < older_than:
                    path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise os_failure(path, exc, "remove the leftover temporary file") from None


def discard(temporary: list[Path]) -> None:
    for tmp in temporary:
        try:
            Path(tmp).unlink(missing_ok=True)
        except OSError:
            pass  # already failing; a leftover is removed by the next writer's clean-up


def _remove(path: Path) -> None:
    try:
        Path(path).unlink(missing_ok=True)
    except OSError as exc:
        raise os_failure(path, exc, "remove") from None


def _sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
