"""The one exception every stage raises for bad input; the command line prints it and exits 2."""


class FigcheckError(Exception):
    """Bad input or usage, worded for the user: what is wrong, where, and what to do next."""

    exit_code = 2
