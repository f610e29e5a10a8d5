"""Faults a workspace meets in use: long sentences, refused writes, two writers, a person saving a
file mid-run, crashed runs' leftovers, a shared host's umask, symbolic links, too many processes."""

import contextlib
import csv
import os
import stat
import subprocess
import sys
import time

import re

import pytest

import figcheck.claims.atomic as atomic
import figcheck.commands.extract as extract_command
from figcheck.claims.model import SOURCE_COLUMNS
from figcheck.cli import main
from tests.fake_extractor import use_fake_extractor


def make_workspace(root, documents: dict[str, str]):
    """A workspace with the default configuration and one source per document."""
    (root / "sources").mkdir(parents=True)
    (root / "figcheck.toml").write_text("[workspace]\nsubject = \"Region\"\n", encoding="utf-8")
    with (root / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SOURCE_COLUMNS)
        for sid, text in sorted(documents.items()):
            (root / "sources" / f"{sid}.txt").write_text(text, encoding="utf-8")
            writer.writerow([sid, f"{sid}.txt", f"Document {sid}", "Publisher", "2024-01-01", "", "", "en", ""])
    return root


LOCK_FILE = "lock"  # in the workspace's .figcheck folder
TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # a staged file's name, as mkstemp makes it


def files(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != LOCK_FILE}


def temporaries(root):
    return sorted(p for p in root.rglob("*") if atomic.TEMPORARY.match(p.name))


# 1. A sentence longer than the CSV reader's cell limit.

def test_a_sentence_longer_than_a_csv_cell_still_gives_a_store_that_reads_back(tmp_path, capsys):
    words = " ".join(f"word{i}" for i in range(30_000))  # about 240,000 characters, no sentence end
    text = f"In 2023 the agency counted 1,234 visitors and {words} and 567 more visitors arrived later.\n"
    root = make_workspace(tmp_path / "ws", {"long": text})
    assert main(["extract", str(root), "--quiet"]) == 0
    assert main(["claims", str(root)]) == 0
    rows = list(csv.DictReader((root / "claims" / "long.csv").open(encoding="utf-8")))
    quotes = {row["text"]: row["quote"] for row in rows}
    assert "1,234" in quotes and "567" in quotes
    assert all(len(q) < 2_000 for q in quotes.values())
    assert quotes["567"].startswith("…") and quotes["1,234"].endswith("…")
    assert main(["extract", str(root), "--quiet", "--force"]) == 0  # and reads its own store again


def test_a_file_the_reader_would_refuse_is_never_put_in_place(tmp_path):
    target = tmp_path / "claims.csv"
    target.write_text("a,b\n1,2\n", encoding="utf-8")
    cell = "x" * (csv.field_size_limit() + 1)
    from figcheck.claims.csvio import reads_back
    from figcheck.claims.errors import FigcheckError

    with pytest.raises(FigcheckError, match="could not read back"):
        atomic.write_atomic(target, f"a,b\n1,{cell}\n", reads_back)
    assert target.read_text(encoding="utf-8") == "a,b\n1,2\n"
    assert temporaries(tmp_path) == []


# 2. Failures of the operating system: exit 2, one line naming the path, nothing changed.

@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), PermissionError(13, "Permission denied"),
                                   OSError(30, "Read-only file system")])
def test_a_refused_write_is_an_input_error_naming_the_path(example_workspace, monkeypatch, capsys, error):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    registry = example_workspace / "sources.csv"
    # Every source changes, so every claims file would be rewritten.
    for path in (example_workspace / "sources").iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\nAdded 42 lines.\n", encoding="utf-8")
    before = files(example_workspace)
    calls = {"n": 0}
    real = os.fsync

    def failing_fsync(fd):
        calls["n"] += 1
        if calls["n"] == 3:  # the third file staged: two are already written beside their targets
            raise error
        return real(fd)

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    capsys.readouterr()
    assert main(["extract", str(example_workspace), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(example_workspace / "claims") in err and error.strerror in err
    assert files(example_workspace) == before
    assert temporaries(example_workspace) == []
    assert registry.exists()


def refuse_folder(monkeypatch, folder, error=PermissionError(13, "Permission denied")):
    """The operating system refuses new files in `folder` (chmod alone cannot: the tests may run as root)."""
    real = atomic.tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if os.path.samefile(dir, folder):
            raise type(error)(error.errno, error.strerror, str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)


def test_an_unwritable_claims_folder_is_an_input_error(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    claims = example_workspace / "claims"
    claims.mkdir()
    refuse_folder(monkeypatch, claims)
    assert main(["extract", str(example_workspace), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert str(claims) in err and "Permission denied" in err
    assert list(claims.iterdir()) == []


def test_a_read_only_reports_folder_is_an_input_error(ws, monkeypatch, capsys):
    reports = ws / "reports"
    reports.mkdir()
    refuse_folder(monkeypatch, reports, OSError(30, "Read-only file system"))
    assert main(["report", str(ws)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(reports) in err and "Read-only file system" in err
    assert list(reports.iterdir()) == []


# 4. A person's save during a run is never overwritten.

def test_a_claims_file_saved_during_the_run_is_left_as_saved(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    source = next(p for p in sorted((example_workspace / "sources").iterdir()))
    sid = source.name.split("_")[0]
    source.write_text(source.read_text(encoding="utf-8") + "\nAnother 77 people.\n", encoding="utf-8")
    claims_file = example_workspace / "claims" / f"{sid}.csv"
    saved = claims_file.read_text(encoding="utf-8").replace(",candidate,", ",confirmed,", 1)
    real = extract_command._run_chunks

    def person_saves_meanwhile(*args):
        results = real(*args)
        claims_file.write_text(saved, encoding="utf-8")  # the reviewer's editor saves now
        return results

    monkeypatch.setattr(extract_command, "_run_chunks", person_saves_meanwhile)
    capsys.readouterr()
    assert main(["extract", str(example_workspace), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"{claims_file}: changed during the run" in err and "run the command again" in err
    assert claims_file.read_text(encoding="utf-8") == saved
    monkeypatch.setattr(extract_command, "_run_chunks", real)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0  # the next run takes the new source in
    assert "77" in claims_file.read_text(encoding="utf-8") and ",confirmed," in claims_file.read_text(encoding="utf-8")


# The workspace lock: a second writer waits, or gives up after --wait.

@contextlib.contextmanager
def lock_held_elsewhere(root, seconds):
    """Another process holds the workspace's lock for `seconds`."""
    (root / ".figcheck").mkdir(exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from filelock import FileLock; lock = FileLock(sys.argv[1]); "
         "lock.acquire(); print('held', flush=True); time.sleep(float(sys.argv[2]))",
         str(root / ".figcheck" / LOCK_FILE), str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_a_second_writer_waits_and_says_so(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    with lock_held_elsewhere(example_workspace, 1.0):
        started = time.monotonic()
        assert main(["extract", str(example_workspace), "--quiet"]) == 0
        assert time.monotonic() - started >= 0.5
    assert "another figcheck run is writing to" in capsys.readouterr().err
    assert (example_workspace / "claims" / "001.csv").is_file()


def test_a_second_writer_gives_up_after_wait(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    with lock_held_elsewhere(example_workspace, 30):
        assert main(["extract", str(example_workspace), "--quiet", "--wait", "0.2"]) == 2
    err = capsys.readouterr().err
    assert "still holds the workspace after 0.2 s" in err and "Traceback" not in err
    assert not (example_workspace / "claims").exists()


# 6. Modes from the umask.

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_the_mode_the_umask_gives(example_workspace, monkeypatch, umask, mode):
    use_fake_extractor(monkeypatch)
    old = os.umask(umask)
    try:
        assert main(["extract", str(example_workspace), "--quiet"]) == 0
    finally:
        os.umask(old)
    written = list((example_workspace / "claims").iterdir()) + [example_workspace / ".figcheck" / "extract-state.json"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {mode}


# 7. Temporary files of crashed runs are removed by the next writer.

def test_temporary_files_of_a_dead_run_are_removed(example_workspace, monkeypatch):
    use_fake_extractor(monkeypatch)
    claims = example_workspace / "claims"
    claims.mkdir()
    leftovers = [claims / ".001.csv.a1b2c3d4.tmp", claims / ".004.csv.zz_9yx8w.tmp"]
    for path in leftovers:
        path.write_text("half a file", encoding="utf-8")
        os.utime(path, (time.time() - 60, time.time() - 60))
    mine = claims / "notes.tmp"  # a person's own file: not figcheck's naming
    mine.write_text("keep", encoding="utf-8")
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    assert temporaries(example_workspace) == []
    assert mine.read_text(encoding="utf-8") == "keep"


# 10. --jobs is capped by the processors and the chunks.

def test_jobs_are_capped_by_the_processors(example_workspace, monkeypatch):
    use_fake_extractor(monkeypatch)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    asked = []
    real = extract_command._run_chunks

    def record(chunks, job, jobs, show):
        asked.append((jobs, len(chunks)))
        return real(chunks, job, 1, show)

    monkeypatch.setattr(extract_command, "_run_chunks", record)
    assert main(["extract", str(example_workspace), "--quiet", "--jobs", "100"]) == 0
    jobs, chunks = asked[0]
    assert jobs == 2 and chunks <= 2 * extract_command.CHUNKS_PER_JOB


# 13. A claims file that is a symbolic link.

def test_a_claims_file_that_is_a_symbolic_link_is_refused(example_workspace, monkeypatch, tmp_path, capsys):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    outside = tmp_path / "outside.csv"
    link = example_workspace / "claims" / "001.csv"
    outside.write_bytes(link.read_bytes())
    link.unlink()
    link.symlink_to(outside)
    before = outside.read_bytes()
    capsys.readouterr()
    for command in ("claims", "extract"):
        assert main([command, str(example_workspace)]) == 2
        err = capsys.readouterr().err
        assert f"{link}: is a symbolic link" in err
    assert outside.read_bytes() == before and link.is_symlink()


def test_any_refusal_of_the_operating_system_is_exit_2_naming_the_path(example_workspace, monkeypatch, capsys):
    from figcheck.claims.workspace import Layout

    def refused(root):
        raise PermissionError(13, "Permission denied", str(root / "figcheck.toml"))

    monkeypatch.setattr(Layout, "open", refused)
    assert main(["check", str(example_workspace)]) == 2
    err = capsys.readouterr().err
    assert err == f"figcheck check: {example_workspace / 'figcheck.toml'}: Permission denied\n"


def test_a_baseline_that_would_not_load_again_is_never_put_in_place(ws, monkeypatch, capsys):
    import figcheck.reports.baseline as baseline

    assert main(["baseline", str(ws)]) in (0, 1)
    path = next(ws.glob("figcheck-baseline.json"))
    before = path.read_bytes()
    monkeypatch.setattr(baseline, "render_baseline", lambda entries: '{"figcheck_baseline": 1, "findings": [')
    capsys.readouterr()
    assert main(["baseline", str(ws)]) == 2
    assert "could not read back" in capsys.readouterr().err
    assert path.read_bytes() == before and temporaries(ws) == []


def test_init_writes_a_workspace_that_opens(tmp_path):
    assert main(["init", str(tmp_path / "new")]) == 0
    assert main(["extract", str(tmp_path / "new"), "--quiet"]) == 0
