"""The form cache: used when it matches, rebuilt when stale, damaged or tampered with, never trusted blindly."""

from __future__ import annotations

import os
import pickle

import pytest

from screener.content.problems import ProblemsError
from screener.store import form_cache as cache


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_CACHE_DIR", str(tmp_path / "cache"))


def _only_cache_file():
    files = list(cache.cache_folder().glob("*.bundle"))
    assert len(files) == 1
    return files[0]


def test_the_first_load_validates_and_writes_a_private_cache(form_copy):
    bundle = cache.load_cached(form_copy)
    path = _only_cache_file()
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    assert oct(os.stat(path.parent).st_mode & 0o777) == "0o700"
    assert cache.load_cached(form_copy) == bundle


def test_a_matching_cache_is_used_without_validating(form_copy, monkeypatch):
    cache.load_cached(form_copy)
    import screener.content.loading as loading

    monkeypatch.setattr(
        loading, "load", lambda folder, language="en": pytest.fail("validated again although the cache matched")
    )
    assert cache.load_cached(form_copy).form.id == "ketamine_ocd"


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "other_object"])
def test_a_damaged_or_changed_cache_is_detected_and_rebuilt(form_copy, damage):
    first = cache.load_cached(form_copy)
    path = _only_cache_file()
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif damage == "garbage":
        path.write_bytes(b"not a cache at all")
    else:  # a well-formed file whose payload is not a bundle: the digest matches, the type does not
        payload = pickle.dumps({"form": "not a bundle"})
        import hashlib

        key = cache.content_key(form_copy)
        path.write_bytes(
            cache.MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n\n" + payload
        )
    assert cache.load_cached(form_copy) == first
    assert _only_cache_file().read_bytes() == data  # written again, whole


def test_a_cache_others_could_write_is_not_trusted(form_copy, monkeypatch):
    cache.load_cached(form_copy)
    os.chmod(_only_cache_file(), 0o666)
    import screener.content.loading as loading

    calls = []
    real = loading.load
    monkeypatch.setattr(loading, "load", lambda folder, language="en": calls.append(folder) or real(folder, language))
    cache.load_cached(form_copy)
    assert calls == [form_copy]


def test_a_form_edited_on_disk_is_validated_again_with_every_problem_reported(form_copy):
    cache.load_cached(form_copy)
    rules = form_copy / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(
        text.replace("id: precaution_heart", "id: precaution_liver").replace(
            "raises: get_help_now", "raises: no_such_outcome", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as caught:
        cache.load_cached(form_copy)
    reasons = [str(problem) for problem in caught.value.problems]
    assert any("this rule id is used more than once" in reason for reason in reasons)
    assert any("'no_such_outcome' is not one of the outcomes" in reason for reason in reasons)


def test_an_edited_shared_file_changes_the_key(form_copy):
    before = cache.content_key(form_copy)
    sources = form_copy.parent / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert cache.content_key(form_copy) != before
