"""The bundle's windowed launcher (screener-gui): the wizard."""

import sys

from screener.cli import gui_main

sys.exit(gui_main())
