"""`--format github` shows untrusted text in CI logs: no control character reaches the log raw."""

import unicodedata

from hypothesis import given, strategies as st

from figcheck.reports.formats import github
from tests.test_formats_ci import result_with
from tests.test_report_data import make_workspace

RAW = ("Cc", "Cf", "Zl", "Zp")


@given(st.text())
def test_escaped_data_holds_no_control_character_and_stays_one_command(text):
    escaped = github.escape_data(text)
    assert not any(unicodedata.category(ch) in RAW for ch in escaped)
    assert github.escape_property(text).count(",") == 0 and github.escape_property(text).count(":") == 0


def test_an_escape_sequence_in_a_source_is_shown_not_obeyed(tmp_path):
    workspace = make_workspace(tmp_path / "ws", {"a": "Red \x1b[31m alert \u202e and 40 widgets", "b": "50 widgets"})
    out = github.render(result_with(workspace, tmp_path))
    assert "\x1b" not in out and "\u202e" not in out
    assert "Red \\u001b[31m alert \\u202e and" in out
