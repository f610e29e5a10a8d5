"""`python -m figcheck`: the command line, as the `figcheck` script runs it."""
import sys

from figcheck.cli import main

sys.exit(main())
