"""The draft on disk: private file modes, round trips, deletion, and every kind of bad draft (test form)."""

from __future__ import annotations

import json
import os
import stat

import pytest

from screener.engine.answers import dumps, new_document
from screener.store.drafts import DraftStore

ANSWERS = {"feeling_unsafe": False, "nickname": "Zoë", "region": "NORTH"}


@pytest.fixture
def bundle(mini):
    return mini


@pytest.fixture
def store(bundle, tmp_path):
    return DraftStore(bundle.form, tmp_path / "data" / "screener")


def test_saved_draft_is_private_and_comes_back(bundle, store):
    store.base.mkdir(parents=True, mode=0o755)
    document = new_document(bundle.form, ANSWERS, page="safety")
    store.save(document)
    assert stat.S_IMODE(os.stat(store.base).st_mode) == 0o755  # the user's folder is left as it is
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
            lambda bundle: json.dumps({**json.loads(_valid(bundle)), "form": {"id": "other", "version": "0.1.0"}}),
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


def test_two_drafts_set_aside_in_one_second_are_both_kept(bundle, store):
    store.folder.mkdir(parents=True)
    kept = []
    for content in ("first damaged draft", "second damaged draft"):
        store.path.write_text(content, encoding="utf-8")
        kept.append(store.find().moved_to)
    assert kept[0] != kept[1]
    assert [path.read_text(encoding="utf-8") for path in kept] == ["first damaged draft", "second damaged draft"]


def test_delete_my_answers_also_deletes_the_copies_set_aside(bundle, store):
    store.folder.mkdir(parents=True)
    store.path.write_text("a damaged draft with the last patient's answers", encoding="utf-8")
    moved = store.find().moved_to
    store.save(new_document(bundle.form, ANSWERS))
    assert store.delete() is True
    assert not moved.exists() and not store.path.exists() and list(store.folder.iterdir()) == []


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


def test_one_answer_the_form_no_longer_takes_does_not_lose_the_others(bundle, store):
    """2,001 characters where 2,000 fit, or 2.5 in a whole-number field: only that answer is given again."""
    answers = {**ANSWERS, "side": "left", "pain_years": 2.5, "hope": "x" * 2_001}
    store.folder.mkdir(parents=True)
    store.path.write_text(dumps(new_document(bundle.form, answers, page="pain")), encoding="utf-8")
    found = store.find()
    assert found.problem is None and found.document.page == "pain"
    assert found.document.answers == {**ANSWERS, "side": "left"}
    assert set(found.answer_again) == {"pain_years", "hope"}
    assert "whole number" in found.answer_again["pain_years"]


def test_one_wrong_field_in_a_group_entry_keeps_every_entry(bundle, store):
    """Three pills, 99999 weeks typed in the third: only that field is given again, not the three pills."""
    pills = [
        {"pill": "ibuprofen", "pill_weeks": 4},
        {"pill": "other", "pill_other": "aspirin"},
        {"pill": "ibuprofen", "pill_weeks": 99999},
    ]
    answers = {**ANSWERS, "tried_kinds": ["pills"], "pill_trials": pills}
    store.folder.mkdir(parents=True)
    store.path.write_text(dumps(new_document(bundle.form, answers)), encoding="utf-8")
    found = store.find()
    assert found.problem is None
    assert found.document.answers["pill_trials"] == [*pills[:2], {"pill": "ibuprofen"}]
    assert found.answer_again == {"pill_trials": "entry 3, Weeks taken: 99999 is outside the range 0 to 500 weeks"}


@pytest.mark.parametrize("written", ["NaN", "Infinity", "-Infinity", "1e999", "9" * 5000])
def test_a_number_that_is_none_loses_only_its_own_answer(bundle, store, written):
    """NaN, as Python's json writes it, once set the whole draft aside (0 of its answers came back)."""
    pills = [{"pill": "ibuprofen", "pill_weeks": 4}, {"pill": "ibuprofen", "pill_weeks": 6}]
    answers = {**ANSWERS, "tried_kinds": ["pills"], "pill_trials": pills, "pain_years": 3}
    text = dumps(new_document(bundle.form, answers)).replace('"pain_years": 3', f'"pain_years": {written}')
    text = text.replace('"pill_weeks": 6', f'"pill_weeks": {written}')
    store.folder.mkdir(parents=True)
    store.path.write_text(text, encoding="utf-8")
    found = store.find()
    assert found.problem is None
    assert found.document.answers == {
        **ANSWERS,
        "tried_kinds": ["pills"],
        "pill_trials": [pills[0], {"pill": "ibuprofen"}],
    }
    assert set(found.answer_again) == {"pain_years", "pill_trials"}
    assert "is not a number this program can use, so it is read as not answered" in found.answer_again["pain_years"]
    assert found.answer_again["pill_trials"].startswith("entry 2, Weeks taken: ")


def test_an_answer_whose_question_no_longer_applies_goes_with_the_one_it_depended_on(bundle, store):
    store.folder.mkdir(parents=True)
    answers = {**ANSWERS, "tried_kinds": ["pills", "nonsense"], "pill_trials": [{"pill": "ibuprofen"}]}
    store.path.write_text(dumps(new_document(bundle.form, answers)), encoding="utf-8")
    found = store.find()
    assert found.document.answers == ANSWERS and set(found.answer_again) == {"tried_kinds", "pill_trials"}


def test_a_leftover_that_cannot_be_removed_never_blocks_the_start(bundle, store, monkeypatch):
    store.save(new_document(bundle.form, ANSWERS))
    (store.folder / ".draft.json.1.stuck.part").write_text("{", encoding="utf-8")
    real_unlink = type(store.path).unlink

    def refuse(path, *args, **kwargs):
        if path.name.endswith(".part"):
            raise PermissionError(13, "Permission denied")
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(type(store.path), "unlink", refuse)
    assert store.find().document.answers == ANSWERS


def test_a_draft_where_older_versions_kept_it_is_moved_into_the_private_folder(bundle, store):
    store.base.mkdir(parents=True)
    (store.base / "draft.json").write_text(dumps(new_document(bundle.form, ANSWERS)), encoding="utf-8")
    assert store.find().document.answers == ANSWERS
    assert store.path.exists() and not (store.base / "draft.json").exists()


def test_a_private_folder_of_another_user_is_refused(bundle, store, monkeypatch):
    store.folder.mkdir(parents=True)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(store.folder).st_uid + 1)
    with pytest.raises(PermissionError, match="belongs to another user"):
        store.save(new_document(bundle.form, ANSWERS))


def test_a_data_folder_that_is_a_file_is_named_in_plain_words(bundle, tmp_path):
    in_the_way = tmp_path / "data"
    in_the_way.write_text("not a folder", encoding="utf-8")
    store = DraftStore(bundle.form, in_the_way)
    with pytest.raises(OSError) as raised:
        store.save(new_document(bundle.form, ANSWERS))
    assert raised.value.strerror == f"{in_the_way} is a file, not a folder"
    assert store.find().document is None and in_the_way.read_text(encoding="utf-8") == "not a folder"


def test_a_link_where_the_draft_goes_is_never_followed(bundle, store, tmp_path):
    elsewhere = tmp_path / "someone_elses_file.txt"
    elsewhere.write_text("not ours", encoding="utf-8")
    store.folder.mkdir(parents=True)
    store.path.symlink_to(elsewhere)
    found = store.find()
    assert found.document is None and "a link to another file" in found.problem
    store.save(new_document(bundle.form, ANSWERS))
    assert elsewhere.read_text(encoding="utf-8") == "not ours"  # its target is never read nor replaced
    assert not store.path.is_symlink() and store.find().document.answers == ANSWERS
    dangling = tmp_path / "nowhere" / "draft.json"
    store.path.unlink()
    store.path.symlink_to(dangling)
    store.save(new_document(bundle.form, ANSWERS))
    assert not dangling.exists() and not dangling.parent.exists()


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="needs a second user (root sets owners)")
def test_another_users_draft_is_never_offered(bundle, store):
    store.save(new_document(bundle.form, ANSWERS))
    os.chown(store.path, 65534, -1)  # nobody
    found = store.find()
    assert found.document is None and "another user" in found.problem
    assert store.path.exists()  # not ours to move or delete
