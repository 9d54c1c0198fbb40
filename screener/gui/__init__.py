"""The Qt user interface. The only package that imports PySide6.

Importing it first protects the interpreter from a PySide6 6.12.0 defect (see ``none_guard``).
"""

from screener.gui.none_guard import protect_none

protect_none()
