"""Write align/data/regions.json: first-level regions (states, provinces, prefectures) of the
countries whose ISO 3166-2 names are the names English-language news uses.

Run by hand when the list changes (pycountry is needed here only, not by claimdiff):
    pip install pycountry && python tools/make_regions.py
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "align" / "data"
COUNTRIES = ("US", "CA", "AU", "IN", "MM", "JP", "TH")
# names that are more often something else in news copy: a person, a country, a city, a word
SKIP = {"Washington", "Georgia", "Victoria", "Distrito Federal", "Tokyo", "Mandalay", "Yangon", "Delhi",
        "Bangkok", "Phuket", "Osaka", "Kyoto", "Nagasaki", "Hiroshima", "Okinawa", "Northern Territory",
        "Western Australia", "South Australia", "New South Wales", "Queensland", "Chiba"}
MIN_LENGTH = 5  # "Mon", "Tak", "Nara", "Saga": short names collide with words and abbreviations


def plain_name(name: str) -> str:
    name = re.sub(r"\s*\[.*?\]", "", name)  # "Monmouthshire [Sir Fynwy GB-FYN]"
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main() -> int:
    known = set()
    world = json.loads((DATA / "world.json").read_text(encoding="utf-8"))["places"]
    with (DATA / "places.toml").open("rb") as fh:
        curated = tomllib.load(fh)["places"]
    for table in (world, curated):
        for canon, entry in table.items():
                known |= {canon, *entry.get("aliases", []), *entry.get("adjectives", [])}
    about = ("First-level regions (states, provinces, prefectures) of " + ", ".join(COUNTRIES) + ", from the "
             "ISO 3166-2 names in the pycountry package (LGPL-2.1 data; only the names are used). Generated "
             "by tools/make_regions.py; world.json and places.toml win where they name a place.")
    places = {}
    for cc in COUNTRIES:
        country = pycountry.countries.get(alpha_2=cc).name
        names = sorted({plain_name(s.name) for s in pycountry.subdivisions.get(country_code=cc)
                        if s.parent_code is None})
        for name in names:
            if name in SKIP or name in known or len(name) < MIN_LENGTH or not re.fullmatch(r"[A-Z][A-Za-z .'-]+", name):
                continue
            places[name] = {"aliases": [], "note": f"a region of {country}"}
    out = json.dumps({"about": about, "places": places}, indent=1, sort_keys=True, ensure_ascii=False)
    (DATA / "regions.json").write_text(out + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
