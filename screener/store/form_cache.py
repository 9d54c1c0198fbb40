"""A form validated once, not on every start: the loaded bundle cached under the content hash of its files.

The key is a SHA-256 over this program's version, the language and every file the form is made of
(its four YAML files, the shared sources and regions, and in another language their translations). The
cache file holds the key, a SHA-256 of its payload and the payload (a pickle of the FormBundle). A cache
that does not match (another key, a changed or damaged payload, one that will not unpickle) is never
trusted: the form is loaded and checked in full, its problems reported as always, and the cache written
again. The cache lives in the user cache folder
(``screener.store.locations``), written like every file (``write_atomically``: private, all at once);
failing to write it only costs time.

Trust: the payload is a pickle, so only files this user can write are read, in a folder only this user can
enter. Anyone who can write there can already run programs as this user.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from screener import __version__
from screener.content.bundle import FORM_FILES, SHARED_FILES, FormBundle
from screener.content.translation import translation_file
from screener.i18n import SOURCE_LANGUAGE
from screener.store.files import write_atomically
from screener.store.locations import cache_folder

MAGIC = b"SCREENER-FORM-CACHE-2\n"  # 2: plain dataclasses, no longer pydantic models


def content_key(folder: Path, language: str = SOURCE_LANGUAGE) -> str:
    digest = hashlib.sha256(f"screener {__version__} {language}\n".encode())
    files = [folder / name for name in FORM_FILES] + [folder.parent / name for name in SHARED_FILES]
    if language != SOURCE_LANGUAGE:
        files += [
            translation_file(folder / "form.yaml", language),
            translation_file(folder.parent / "regions.yaml", language),
        ]
    for path in files:
        digest.update(path.name.encode() + b"\n")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")  # load() will report it
        digest.update(b"\n")
    return digest.hexdigest()


def cache_path(folder: Path, key: str, language: str = SOURCE_LANGUAGE) -> Path:
    return cache_folder() / f"{Path(folder).resolve().name}-{language}-{key[:40]}.bundle"


def read_cached(folder: Path, language: str = SOURCE_LANGUAGE) -> FormBundle | None:
    """The form in ``folder`` when the cache matches its files, else None (nothing is loaded or written)."""
    key = content_key(Path(folder), language)
    return _read(cache_path(folder, key, language), key)


def load_cached(folder: Path, language: str = SOURCE_LANGUAGE) -> FormBundle:
    """The form in ``folder`` with its words in ``language``, from the cache when it matches, else loaded,
    checked and cached (one cache file per language)."""
    folder = Path(folder)
    key = content_key(folder, language)  # the files are read and hashed once, hit or miss
    path = cache_path(folder, key, language)
    bundle = _read(path, key)
    if bundle is not None:
        return bundle
    from screener.content.loading import load  # only on a miss: the checks are not needed otherwise

    bundle = load(folder, language)  # raises ProblemsError naming every problem, as without a cache
    _write(path, key, bundle)
    return bundle


def _read(path: Path, key: str) -> FormBundle | None:
    try:
        if path.stat().st_mode & 0o077 or (hasattr(os, "getuid") and path.stat().st_uid != os.getuid()):
            return None  # only a file nobody else could have written
        data = path.read_bytes()
    except OSError:
        return None
    header, _, rest = data.partition(b"\n\n")
    lines = (header + b"\n").split(b"\n")
    if not data.startswith(MAGIC) or len(lines) < 3 or lines[1].decode(errors="replace") != key:
        return None
    if hashlib.sha256(rest).hexdigest() != lines[2].decode(errors="replace"):
        return None  # changed or damaged
    try:
        bundle = pickle.loads(rest)
    except Exception:
        return None
    return bundle if isinstance(bundle, FormBundle) else None


def _write(path: Path, key: str, bundle: FormBundle) -> None:
    payload = pickle.dumps(bundle, protocol=pickle.HIGHEST_PROTOCOL)
    data = MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n\n" + payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(path, data)
    except OSError:
        return  # no cache: the next start validates again, nothing else changes
