import sys

from figcheck.cli import main

sys.exit(main())
