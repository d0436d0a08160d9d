"""Data tables (page junk, spelling, places, titles), loaded lazily from ``align/data`` and
merged with a user's TOML file. A malformed table raises ``DataFileError`` naming the file."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import DataFileError


@lru_cache(maxsize=None)
def builtin(name: str) -> dict:
    """A curated table (TOML, commented by hand)."""
    with resources.files("align.data").joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def generated(name: str) -> dict:
    """A generated table (JSON: a tenth of TOML's load time, and it is never edited by hand)."""
    import json

    return json.loads(resources.files("align.data").joinpath(f"{name}.json").read_text(encoding="utf-8"))


def load_user(path: str | Path | None) -> dict:
    """Read a user's extension file: any of [junk], [credits], [spelling], [places."X"], [titles."X"]."""
    if path is None:
        return {}
    p = Path(path)
    if not p.is_file():
        raise DataFileError(f"{p}: alias file not found")
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise DataFileError(f"{p}: not valid TOML ({err})") from None
    known = {"junk", "credits", "spelling", "places", "titles"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise DataFileError(f"{p}: unknown table(s) {', '.join(unknown)}; expected {', '.join(sorted(known))}")
    for name in known & set(data):
        if not isinstance(data[name], dict):
            raise DataFileError(f"{p}: [{name}] must be a table, not {type(data[name]).__name__}")
    for name in ("junk", "credits"):
        for key, value in data.get(name, {}).items():
            if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                raise DataFileError(f"{p}: [{name}] {key} must be a list of regex strings")
    for name in ("places", "titles"):
        for key, entry in data.get(name, {}).items():
            field = "aliases" if name == "places" else "variants"
            if not isinstance(entry, dict) or not isinstance(entry.get(field, []), list) \
                    or not all(isinstance(x, str) for x in entry.get(field, [])):
                raise DataFileError(f'{p}: [{name}."{key}"] needs a list of strings "{field} = [...]"')
            also = entry.get("also", []) if isinstance(entry, dict) else []
            if name == "titles" and (not isinstance(also, list) or not all(isinstance(x, str) for x in also)):
                raise DataFileError(f'{p}: [titles."{key}"] also must be a list of role names')
    if not all(isinstance(v, str) for v in data.get("spelling", {}).values()):
        raise DataFileError(f"{p}: [spelling] values must be strings")
    return data


def freeze(extra: dict | None) -> str:
    """A hashable key for caching merged tables."""
    if not extra:
        return "{}"  # the common case, on every word: no JSON encoding
    import json

    return json.dumps(extra or {}, sort_keys=True)


def page(extra: dict | None = None) -> dict:
    return _page(freeze(extra))


@lru_cache(maxsize=8)
def _page(key: str) -> dict:
    import json

    extra = json.loads(key)
    base = builtin("page")
    junk = base["junk"]["lines"] + extra.get("junk", {}).get("lines", [])
    credit_lines = base["credits"]["lines"] + extra.get("credits", {}).get("lines", [])
    inline = base["credits"]["inline"] + extra.get("credits", {}).get("inline", [])
    try:
        return {
            "junk": [re.compile(p, re.I) for p in junk],
            "credit_lines": [re.compile(p, re.I) for p in credit_lines],
            "credit_inline": [re.compile(p, re.I) for p in inline],
        }
    except re.error as err:
        raise DataFileError(f"page table: bad regex ({err})") from None


def spelling(extra: dict | None = None) -> tuple[dict[str, str], list[tuple[str, str]]]:
    return _spelling(freeze(extra))


@lru_cache(maxsize=8)
def _spelling(key: str):
    import json

    extra = json.loads(key)
    base = builtin("spelling")
    table = dict(generated("breame")["spelling"])
    table.update(base.get("spelling_extra", {}))
    table.update({k.lower(): v.lower() for k, v in extra.get("spelling", {}).items()})
    rules = [tuple(r) for r in base.get("spelling_rules", {}).get("suffixes", [])]
    return table, rules


def places(extra: dict | None = None) -> dict[str, dict]:
    return _merged("places", freeze(extra))


def titles(extra: dict | None = None) -> dict[str, dict]:
    return _merged("titles", freeze(extra))


@lru_cache(maxsize=16)
def _merged(name: str, key: str) -> dict[str, dict]:
    import json

    extra = json.loads(key)
    merged = {}
    if name == "places":  # regions, countries and cities first; places.toml (aliases, notes) wins
        merged.update({k: dict(v) for k, v in generated("regions")["places"].items()})
        merged.update({k: dict(v) for k, v in generated("world")["places"].items()})
    merged.update({k: dict(v) for k, v in builtin(name)[name].items()})
    field = "aliases" if name == "places" else "variants"
    for k, v in extra.get(name, {}).items():
        entry = merged.setdefault(k, {field: []})
        entry[field] = list(entry.get(field, [])) + [x for x in v.get(field, []) if x not in entry.get(field, [])]
        for extra_field in ("adjectives", "note"):
            if extra_field in v:
                entry[extra_field] = v[extra_field]
    return merged
