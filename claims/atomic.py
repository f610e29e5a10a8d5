"""Atomic file writes: a reader or a crash never sees half a file."""

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename it over `path`."""
    publish([(stage(path, data), Path(path))])


def stage(path: Path, data: str | bytes) -> Path:
    """`data` written in full and flushed to disk in a temporary file beside `path`; `publish` puts it
    in place, `discard` drops it. Until then `path` is untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def publish(staged: list[tuple[Path, Path]]) -> None:
    """Rename each staged temporary file over its target; one that cannot be renamed is dropped."""
    for i, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)
        except BaseException:
            discard([t for t, _ in staged[i:]])
            raise


def discard(temporary: list[Path]) -> None:
    for tmp in temporary:
        Path(tmp).unlink(missing_ok=True)
