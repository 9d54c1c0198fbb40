"""The unfinished questionnaire on disk: one draft file, private to the user, never half-written.

The data folder is the platform's user data folder (platformdirs), or ``SCREENER_DATA_DIR``. It is left
as it is: the program keeps its files in a subfolder of it that it owns, ``answers/``, enterable by the
user only (0700), with the draft readable by the user only (0600). A subfolder that belongs to another
user is refused with a plain reason rather than used.

A draft is never dropped whole for one field: answers the form no longer accepts are taken out and named,
so that the patient answers those again and gets every other answer back. Only a file that cannot be read
at all (damaged, truncated, from a newer version, for another form) is moved aside, never deleted, with
the reason in one sentence.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable
from dataclasses import field, replace
from pathlib import Path

from screener.content.form import Form
from screener.content.frozen import Frozen
from screener.content.migrations import Migrations
from screener.content.problems import ProblemsError
from screener.engine.answers import AnswersDocument, check, dumps, keep_what_fits, new_document, parse
from screener.engine.migration import carry_over
from screener.i18n import _
from screener.store.files import remove_stale_parts, write_atomically
from screener.store.locations import data_folder

DRAFT_NAME = "draft.json"
SET_ASIDE_PREFIX = "draft-set-aside-"
PRIVATE_FOLDER = "answers"


class DraftFound(Frozen):
    """What was found on start: a usable draft (perhaps with answers to give again), a broken one, or nothing."""

    document: AnswersDocument | None = None
    problem: str | None = None
    moved_to: Path | None = None  # the draft as it was: moved aside, or copied beside what could be used
    answer_again: dict[str, str] = field(default_factory=dict)  # question id -> why the saved answer was dropped
    no_longer_asked: tuple[str, ...] = ()  # saved answers to questions this version does not have


def recovered(form: Form, document: AnswersDocument, left_behind: Iterable[tuple[str, str]] = ()) -> DraftFound:
    """Keep every answer the form accepts; name the ones to be given again (with those ``left_behind`` on
    the way, by a migration or an import) and the ones for questions this version no longer asks. No
    document when what is wrong cannot be settled by taking answers out."""
    answers, dropped, unsettled = keep_what_fits(form, document.answers)
    if unsettled:
        return DraftFound()
    dropped = {**dict(left_behind), **dropped}
    again = {question_id: reason for question_id, reason in dropped.items() if form.question(question_id)}
    gone = tuple(question_id for question_id in dropped if not form.question(question_id))
    document = new_document(form, answers, page=document.page, saved_at=document.saved_at)
    return DraftFound(document=document, answer_again=again, no_longer_asked=gone)


class DraftStore:
    def __init__(self, form: Form, folder: Path | None = None, migrations: Migrations | None = None):
        self.form = form
        self.migrations = migrations or Migrations()  # how a draft of an earlier version is carried over
        self.base = Path(folder) if folder is not None else data_folder()
        self.folder = self.base / PRIVATE_FOLDER
        self.path = self.folder / DRAFT_NAME

    def save(self, document: AnswersDocument) -> None:
        """Write the draft; raises OSError (with a plain strerror) when it cannot be kept.

        Always as a regular file of our own: a link put where the draft goes is removed, never followed, so
        its target (anywhere on the computer) is not replaced."""
        self._make_private_folder()
        if self.path.is_symlink():
            self.path.unlink()
        write_atomically(self.path, dumps(document).encode("utf-8"))

    def save_elsewhere(self, document: AnswersDocument, path: Path) -> None:
        """The answers file the patient chose to keep somewhere else (when the draft cannot be written)."""
        write_atomically(path, dumps(document).encode("utf-8"))

    def _make_private_folder(self) -> None:
        if self.base.exists() and not self.base.is_dir():
            raise NotADirectoryError(20, f"{self.base} is a file, not a folder")
        self.base.mkdir(parents=True, exist_ok=True, mode=0o700)  # a new folder is private; an old one is left as it is
        try:
            self.folder.mkdir(mode=0o700)
        except FileExistsError:
            info = self.folder.stat()
            if not stat.S_ISDIR(info.st_mode):
                raise NotADirectoryError(20, f"{self.folder} is not a folder") from None
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                raise PermissionError(13, f"the folder {self.folder} belongs to another user") from None
            if stat.S_IMODE(info.st_mode) != 0o700:
                os.chmod(self.folder, 0o700)  # ours: keep it private

    def delete(self) -> bool:
        """Remove the draft and every copy of it set aside; True when there was any. Raises OSError when one is
        there but cannot be removed."""
        found = False
        set_aside = sorted(self.folder.glob(f"{SET_ASIDE_PREFIX}*.json")) if self.folder.is_dir() else []
        for path in [self.path, *set_aside]:
            try:
                path.unlink()
            except (FileNotFoundError, NotADirectoryError):
                continue
            found = True
        return found

    def find(self) -> DraftFound:
        remove_stale_parts(self.path)  # a crash mid-save leaves a partial copy of the answers (privacy)
        self._move_from_old_place()
        try:
            info = self.path.lstat()
        except FileNotFoundError:
            return DraftFound()
        except OSError as error:
            return DraftFound(problem=_unreadable(error))
        if stat.S_ISLNK(info.st_mode):
            return self._set_aside(_("Your unfinished answers were a link to another file, which we never follow."))
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return DraftFound(
                problem=_(
                    "The unfinished answers in this folder belong to another user of this computer, "
                    "so they were not opened. You can start again."
                )
            )
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return DraftFound()
        except OSError as error:
            return self._set_aside(_unreadable(error))
        try:
            document = parse(data, str(self.path))
        except ProblemsError as error:
            too_new = any("newer version" in problem.reason for problem in error.problems)
            reason = (
                _("Your unfinished answers were saved by a newer version of this program, which this one cannot read.")
                if too_new
                else _("Your unfinished answers were damaged and could not be read.")
            )
            return self._set_aside(reason)
        carried = carry_over(self.form, self.migrations, document)
        document = carried.document
        problems = check(self.form, document, str(self.path), complete=False)
        if any(problem.where == "form" for problem in problems):  # recovered() checks the answers only
            return self._set_aside(_("Your unfinished answers do not fit this version of the questionnaire."))
        return self._recover(document, data, carried.left_behind)

    def _move_from_old_place(self) -> None:
        """Versions before 0.2 kept the draft in the data folder itself: move it into our own subfolder."""
        old = self.base / DRAFT_NAME
        if old.is_file() and not self.path.exists():
            try:
                self._make_private_folder()
                os.replace(old, self.path)
            except OSError:
                pass  # read where it is next time; nothing is lost

    def _recover(
        self, document: AnswersDocument, data: bytes, left_behind: tuple[tuple[str, str], ...] = ()
    ) -> DraftFound:
        """As ``recovered``; the draft as it was is kept beside it when anything was left out, and a draft
        whose problems taking answers out cannot settle is set aside."""
        found = recovered(self.form, document, left_behind)
        if found.document is None:
            return self._set_aside(_("Your unfinished answers do not fit this version of the questionnaire."))
        if found.answer_again or found.no_longer_asked:
            return replace(found, moved_to=self._keep_copy(data))
        return found

    def _keep_copy(self, data: bytes) -> Path | None:
        """The draft as it was, beside it under a set-aside name; None when it cannot be written."""
        try:
            target = self._set_aside_name()
            write_atomically(target, data)
        except OSError:
            return None
        return target

    def _set_aside_name(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"{SET_ASIDE_PREFIX}{stamp}.json"
        number = 1
        while target.exists():  # a second one in the same second, or after the clock went back
            number += 1
            target = self.folder / f"{SET_ASIDE_PREFIX}{stamp}-{number}.json"
        return target

    def _set_aside(self, reason: str) -> DraftFound:
        target = self._set_aside_name()
        try:
            os.replace(self.path, target)
        except OSError:
            where = _("It could not be moved aside either; it stays at {path}.").format(path=self.path)
            return DraftFound(problem=f"{reason} {where}")
        kept = _("We kept it at {path}, and you can start again.").format(path=target)
        return DraftFound(problem=f"{reason} {kept}", moved_to=target)


def _unreadable(error: OSError) -> str:
    return _("Your unfinished answers could not be read ({reason}).").format(reason=error.strerror or error)
