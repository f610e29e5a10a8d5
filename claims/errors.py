"""The one exception every stage raises for bad input, and the exit codes of every command."""

# Exit codes, the same for every command and for `pytest --figcheck`'s callers to rely on.
EXIT_OK = 0        # nothing new to fix
EXIT_FINDINGS = 1  # new contradictions found (the only meaning of 1)
EXIT_USAGE = 2     # bad input or usage, with a message naming file, line and column


class FigcheckError(Exception):
    """Bad input or usage, worded for the user: what is wrong, where, and what to do next."""

    exit_code = EXIT_USAGE
