"""Fault injection: `extract` killed at any step that touches the disk, and two runs at once.

Whatever the step, the store read afterwards is wholly the old one or wholly the new one, the next
run completes and leaves no temporary file, and every row a person reviewed survives.
"""

import csv
import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from figcheck.checks.workspace import load_workspace
from figcheck.cli import main
from tests.conftest import EXAMPLE, NOT_FRESH
from tests.fake_extractor import use_fake_extractor

KILLED = 137

TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
STORE = ("claims", ".figcheck/extract-state.json")


def store(root):
    """The claims files and the extraction cache, as bytes."""
    found = {p.relative_to(root): p.read_bytes() for p in sorted((root / "claims").glob("*.csv"))}
    cache = root / STORE[1]
    found[cache.relative_to(root)] = cache.read_bytes() if cache.exists() else b""
    return found


def temporaries(root):
    return [p for p in root.rglob("*") if TEMPORARY.match(p.name)]


def _counting(real, state):
    def step(*args, **kwargs):
        state["steps"] += 1
        if state["steps"] == state["kill_at"]:
            os._exit(KILLED)  # no clean-up of any kind, as kill -9
        return real(*args, **kwargs)
    return step


def start_extract(root, kill_at):
    """A forked process running `figcheck extract` with the fake extractor, killed at the `kill_at`-th
    step that touches the disk (a file flushed, a rename, a removal); 0: never. Returns its pid and a
    pipe on which, if it lives, it writes how many steps it took."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        code = 99
        try:
            os.close(read)
            state = {"steps": 0, "kill_at": kill_at}
            with pytest.MonkeyPatch.context() as patch:
                use_fake_extractor(patch)
                for name in ("fsync", "replace", "unlink"):
                    patch.setattr(os, name, _counting(getattr(os, name), state))
                code = main(["extract", str(root), "--quiet"])
            os.write(write, str(state["steps"]).encode())
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def finish(pid, read) -> tuple[int, str]:
    """The exit code of a process from `start_extract`, and what it wrote."""
    with os.fdopen(read) as pipe:
        said = pipe.read()
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), said


def crash_extract(root, kill_at) -> tuple[int, str]:
    code, said = finish(*start_extract(root, kill_at))
    assert code in (0, KILLED)
    return code, said


def confirmed(root):
    """claim_id -> row of every row a person confirmed."""
    rows = {}
    for path in (root / "claims").glob("*.csv"):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            if row["status"] == "confirmed":
                rows[row["claim_id"]] = row
    return rows


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    """A reviewed store (old), its sources then changed, and the store one clean run makes of them (new)."""
    base = tmp_path_factory.mktemp("faults")
    old = base / "old"
    shutil.copytree(EXAMPLE, old, ignore=NOT_FRESH)
    with pytest.MonkeyPatch.context() as patch:
        use_fake_extractor(patch)
        assert main(["extract", str(old), "--quiet"]) == 0
    for path in sorted((old / "claims").glob("*.csv"))[::2]:  # a person confirms a row in every other file
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(",candidate,", ",confirmed,", 1), encoding="utf-8")
    for path in sorted((old / "sources").iterdir())[1::2]:   # and half of the documents change
        path.write_text(path.read_text(encoding="utf-8") + "\nLater, 31 more and 5 fewer.\n", encoding="utf-8")
    new = base / "new"
    shutil.copytree(old, new)
    steps = int(crash_extract(new, 0)[1])
    assert steps >= 3  # several files flushed and renamed
    return old, new, steps


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_run_killed_at_any_step_leaves_the_old_store_or_the_new(before_and_after, tmp_path_factory, data):
    old, new, steps = before_and_after
    kill_at = data.draw(st.integers(min_value=1, max_value=steps), label="killed at step")
    root = tmp_path_factory.mktemp("killed") / "ws"
    shutil.copytree(old, root)
    crash_extract(root, kill_at)

    load_workspace(root)  # what any command reads: a half-finished publish is finished first
    assert store(root) in (store(old), store(new))
    reviewed = confirmed(old)
    assert reviewed and all(confirmed(root).get(i) == row for i, row in reviewed.items())

    assert crash_extract(root, 0)[0] == 0  # the next run completes
    assert store(root) == store(new)
    assert temporaries(root) == []
    assert all(confirmed(root).get(i) == row for i, row in reviewed.items())


def test_two_runs_at_once_leave_the_same_store_as_one(before_and_after, tmp_path):
    old, new, _ = before_and_after
    root = tmp_path / "ws"
    shutil.copytree(old, root)
    runs = [start_extract(root, 0) for _ in range(2)]
    assert [finish(*run)[0] for run in runs] == [0, 0]
    assert store(root) == store(new)
    assert temporaries(root) == []
