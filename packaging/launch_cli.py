"""The bundle's console launcher (screener): the command line, or the wizard with no arguments."""

import sys

from screener.cli import main

sys.exit(main())
