"""The unfinished questionnaire on disk: one draft file, private to the user, never half-written.

The draft lives in the user data folder (platformdirs; ``SCREENER_DATA_DIR`` overrides it). The folder
is made enterable by the user only (0700) and the file readable by the user only (0600). A draft that
cannot be used (unreadable, damaged, truncated, from a newer version, for another form) is never
deleted: it is moved aside and the reason is given in one sentence.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from screener.content.form import Form
from screener.content.problems import ProblemsError
from screener.engine.answers import AnswersDocument, check, dumps, parse
from screener.store.files import write_atomically

DRAFT_NAME = "draft.json"


def default_folder() -> Path:
    override = os.environ.get("SCREENER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("screener", appauthor=False))


@dataclass(frozen=True)
class DraftFound:
    """What was found on start: a usable draft, a broken one (moved aside), or nothing."""

    document: AnswersDocument | None = None
    problem: str | None = None
    moved_to: Path | None = None


class DraftStore:
    def __init__(self, form: Form, folder: Path | None = None):
        self.form = form
        self.folder = Path(folder) if folder is not None else default_folder()
        self.path = self.folder / DRAFT_NAME

    def save(self, document: AnswersDocument) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.folder, 0o700)
        write_atomically(self.path, dumps(document).encode("utf-8"))

    def delete(self) -> bool:
        """Remove the draft; True when there was one."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True

    def find(self) -> DraftFound:
        self._remove_leftovers()
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return DraftFound()
        except OSError as error:
            return self._set_aside(f"Your unfinished answers could not be read ({error.strerror or error}).")
        try:
            document = parse(data, str(self.path))
        except ProblemsError as error:
            too_new = any("newer version" in problem.reason for problem in error.problems)
            reason = (
                "Your unfinished answers were saved by a newer version of this program, which this version cannot read."
                if too_new
                else "Your unfinished answers were damaged and could not be read."
            )
            return self._set_aside(reason)
        if check(self.form, document, str(self.path), complete=False):
            return self._set_aside("Your unfinished answers do not fit this version of the questionnaire.")
        return DraftFound(document=document)

    def _remove_leftovers(self) -> None:
        """A crash between writing and renaming leaves a partial copy of the answers: remove it (privacy)."""
        if self.folder.is_dir():
            for leftover in self.folder.glob(f".{DRAFT_NAME}.*.part"):
                leftover.unlink(missing_ok=True)

    def _set_aside(self, reason: str) -> DraftFound:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"draft-set-aside-{stamp}.json"
        try:
            os.replace(self.path, target)
        except OSError:
            return DraftFound(problem=f"{reason} It could not be moved aside either; it stays at {self.path}.")
        return DraftFound(problem=f"{reason} We kept it at {target}, and you can start again.", moved_to=target)
