"""The draft on disk: private file modes, round trips, deletion, and every kind of bad draft."""

from __future__ import annotations

import json
import os
import stat

import pytest

from screener.engine.answers import dumps, new_document
from screener.store.drafts import DraftStore

ANSWERS = {"suicidal_thoughts": "sometimes", "name": "Zoë", "country": "GB"}


@pytest.fixture
def store(bundle, tmp_path):
    return DraftStore(bundle.form, tmp_path / "data" / "screener")


def test_saved_draft_is_private_and_comes_back(bundle, store):
    document = new_document(bundle.form, ANSWERS, page="safety")
    store.save(document)
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    found = store.find()
    assert found.document == document and found.problem is None
    assert [path.name for path in store.folder.iterdir()] == ["draft.json"]  # no temporary files left


def test_no_draft(store):
    found = store.find()
    assert found.document is None and found.problem is None


def test_delete(bundle, store):
    store.save(new_document(bundle.form, ANSWERS))
    assert store.delete() is True
    assert not store.path.exists()
    assert store.delete() is False


def _valid(bundle) -> str:
    return dumps(new_document(bundle.form, ANSWERS))


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda bundle: "this is not JSON", "damaged"),
        (lambda bundle: _valid(bundle)[: len(_valid(bundle)) // 2], "damaged"),
        (lambda bundle: "", "damaged"),
        (lambda bundle: json.dumps({**json.loads(_valid(bundle)), "schema_version": 99}), "newer version"),
        (
            lambda bundle: json.dumps({**json.loads(_valid(bundle)), "form": {"id": "other", "version": "1.0.0"}}),
            "do not fit this version",
        ),
        (
            lambda bundle: json.dumps({**json.loads(_valid(bundle)), "answers": {"suicidal_thoughts": 7}}),
            "do not fit this version",
        ),
    ],
)
def test_bad_draft_is_set_aside_with_one_sentence(bundle, store, make, reason):
    store.folder.mkdir(parents=True)
    content = make(bundle)
    store.path.write_text(content, encoding="utf-8")
    found = store.find()
    assert found.document is None
    assert reason in found.problem and "We kept it at" in found.problem
    assert not store.path.exists()
    assert found.moved_to.read_text(encoding="utf-8") == content  # moved aside, not deleted


def test_unreadable_draft_is_set_aside(bundle, store):
    store.path.mkdir(parents=True)  # a folder where the file should be: reading fails even for root
    found = store.find()
    assert found.document is None and "could not be read" in found.problem
    assert found.moved_to.is_dir()


def test_a_partial_copy_left_by_a_crash_is_removed_on_start(bundle, store):
    store.save(new_document(bundle.form, ANSWERS))
    partial = store.folder / ".draft.json.abc123.part"
    partial.write_text('{"schema_version": 1, "answers": {"name": "Zo', encoding="utf-8")
    assert store.find().document.answers == ANSWERS
    assert not partial.exists()
