"""`figcheck extract` around the extractor: several processes, unchanged files, output that fails."""

import shutil

import pandas as pd
import pytest

import figcheck.store_update as extract_command
from figcheck.claims.errors import FigcheckError
from figcheck.cli import main
from tests.fake_extractor import fake_extract, use_fake_extractor


def files(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_processes_write_the_same_store_as_one(example_workspace, tmp_path, capsys):
    twin = tmp_path / "twin"
    shutil.copytree(example_workspace, twin)
    assert main(["extract", str(example_workspace)]) == 0
    summary = capsys.readouterr().out
    assert main(["extract", str(twin), "--jobs", "2"]) == 0
    assert capsys.readouterr().out == summary
    assert files(twin) == files(example_workspace)


def test_only_the_claims_file_whose_content_changes_is_rewritten(example_workspace, monkeypatch):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    claims = example_workspace / "claims"
    before = {p.name: p.stat() for p in claims.glob("*.csv")}
    source = example_workspace / "sources" / "002_fb4211f2864f7a0c.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nA later note: 42 visitors.\n", encoding="utf-8")

    assert main(["extract", str(example_workspace), "--quiet", "--force"]) == 0
    after = {p.name: p.stat() for p in claims.glob("*.csv")}
    rewritten = {name for name, stat in before.items()
                 if (after[name].st_ino, after[name].st_mtime_ns) != (stat.st_ino, stat.st_mtime_ns)}
    assert rewritten == {"002.csv"}


def renamed_units(items):
    """The fake extractor's rows with every unit renamed, so that every claims file would change."""
    frame = pd.concat([fake_extract(text, source, None) for text, source in items], ignore_index=True)
    frame["unit"] = "people"
    return frame


def wrong_spans(items):
    frame = renamed_units(items)
    frame.loc[frame["source_id"] == "004", "char_start"] += 1  # its figures no longer read at their spans
    return frame


def failing(items):
    if any(source["source_id"] == "004" for _, source in items):
        raise FigcheckError("source 004: the extractor gave up")
    return renamed_units(items)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("extractor, message", [(wrong_spans, "extractor output for source 004, row 1"),
                                                (failing, "the extractor gave up")])
def test_a_failing_chunk_leaves_every_file_as_it_was(example_workspace, monkeypatch, capsys, jobs, extractor, message):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    before = files(example_workspace)
    monkeypatch.setattr(extract_command, "_extract_chunk", extractor)
    capsys.readouterr()

    assert main(["extract", str(example_workspace), "--force", "--jobs", jobs]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert files(example_workspace) == before  # no claims file changed, no temporary file left
