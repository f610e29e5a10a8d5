"""The documentation a newcomer reads: a short README whose example runs, links that resolve, and a
command line reference that matches `--help`."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from figcheck.docs_cli import reference

PROJECT = Path(__file__).resolve().parents[1]
README = PROJECT / "README.md"
PAGES = [README, *sorted((PROJECT / "docs").glob("*.md"))]
FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.M | re.S)
INLINE_CODE = re.compile(r"`+[^`\n]*`+")
LINK = re.compile(r"!?\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def prose(text: str) -> str:
    """Markdown without code: links and headings shown as code are not links or headings."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#{1,6}\s+(.*?)\s*#*\s*$", FENCE.sub("", page.read_text(encoding="utf-8")), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.replace("`", "").lower()).replace(" ", "-") for heading in headings}


def test_the_readme_is_short_and_opens_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text) <= 12_000
    commands = re.match(r"# figcheck\n\n```sh\n(.*?)```", text, re.S).group(1).splitlines()
    assert [line.split("#")[0].strip() for line in commands] == ["make demo", "make test"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_every_link_resolves(page):
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: are not checked offline
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target} does not exist"
        assert linked.is_relative_to(PROJECT), f"{page.name}: {target} leaves the repository"
        if anchor:
            assert anchor in anchors(linked), f"{page.name}: {target} names no heading of {linked.name}"


def test_every_docs_page_is_linked_from_the_index():
    index = prose((PROJECT / "docs" / "index.md").read_text(encoding="utf-8"))
    linked = {target.partition("#")[0] for target in LINK.findall(index)}
    assert {page.name for page in PAGES[1:] if page.name != "index.md"} <= linked


def test_the_cli_reference_is_what_help_prints():
    assert (PROJECT / "docs" / "cli.md").read_text(encoding="utf-8") == reference(), \
        "docs/cli.md is stale: run 'python -m figcheck.docs_cli > docs/cli.md'"


def test_the_readme_python_example_runs_on_a_copy_of_the_dossier(tmp_path):
    blocks = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)
    assert len(blocks) == 1
    shutil.copytree(PROJECT / "examples" / "central-asia", tmp_path / "examples" / "central-asia",
                    ignore=shutil.ignore_patterns("claims", "reports", ".figcheck", "figcheck-baseline.json"))
    drafts = tmp_path / "tests" / "data" / "drafts"
    drafts.mkdir(parents=True)
    shutil.copy2(PROJECT / "tests" / "data" / "drafts" / "explainer.md", drafts)
    run = subprocess.run([sys.executable, "-c", blocks[0]], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "new contradictions" in run.stdout and "contradicted" in run.stdout
    assert (tmp_path / "examples" / "central-asia" / "reports" / "audit.md").is_file()
