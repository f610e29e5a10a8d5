"""`figcheck quantities --tolerance`: a relative width from 0 to 1, anything else refused with exit 2."""

import json

import pytest
from hypothesis import given, settings, strategies as st

from figcheck.cli import main


@pytest.mark.parametrize("bad", ["-5", "-0.01", "1.5", "nan", "inf", "five"])
def test_a_tolerance_outside_0_to_1_is_refused(tmp_path, capsys, bad):
    text = tmp_path / "t.txt"
    text.write_text("About 100 people.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["quantities", str(text), f"--tolerance={bad}"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--tolerance" in err and "give a fraction such as 0.05" in err and "Traceback" not in err


@settings(max_examples=30, deadline=None)
@given(st.floats(min_value=0, max_value=1))
def test_every_accepted_tolerance_gives_an_interval_around_the_value(tolerance):
    import io
    import sys

    stdin, stdout = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = io.TextIOWrapper(io.BytesIO(b"About 100 people.\n")), io.StringIO()
    try:
        assert main(["quantities", "-", f"--tolerance={tolerance!r}"]) == 0
        record = json.loads(sys.stdout.getvalue().splitlines()[0])
    finally:
        sys.stdin, sys.stdout = stdin, stdout
    assert record["lower"] <= record["value"] <= record["upper"]
