"""Whether a name is a country's or a region's (ISO 3166, through pycountry).

An unqualified "the finance minister" in a story about one country is that
country's; "President Emmanuel Macron" in a story about the IOC is not the
IOC's. Only places are taken as a story's default owner of a role, so the
validators ask here. The ISO tables are loaded on the first question only.
"""
from __future__ import annotations

import functools
import re

_WORD = re.compile(r"[^\W\d_]+")


# English short forms the ISO names leave out.
_COMMON = frozenset({"us", "usa", "uk", "turkey", "ivory coast", "east timor", "burma", "czech republic"})


@functools.lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    """(whole names, words of names) of every country and first-level region, lowercased."""
    import pycountry  # ~60 ms; most runs never ask

    whole, words = set(), set()
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if not name:
                continue
            low = name.lower()
            whole.add(low)
            whole.add(low.split(",")[0])  # "Korea, Republic of" is Korea
            words.update(w for w in _WORD.findall(low) if len(w) >= 4)
    for s in pycountry.subdivisions:
        whole.update(part.strip() for part in s.name.lower().split(";"))  # "Wales; Cymru"
    # (not the ISO codes: "GE" and "ARM" are companies as often as Georgia and Armenia)
    whole |= _COMMON
    # Words every other name has ("Republic", "United") name no place by themselves.
    words -= {"republic", "united", "kingdom", "states", "islands", "democratic", "people", "peoples",
              "federation", "federal", "state", "plurinational", "bolivarian", "islamic", "arab",
              "union", "province", "territory", "territories", "saint", "north", "south", "east", "west",
              "northern", "southern", "eastern", "western", "central", "great", "minor", "outlying",
              "independent", "socialist", "commonwealth", "principality", "grand", "duchy", "special",
              "administrative", "region", "sultanate", "emirates", "lands", "new", "guinea"}
    return frozenset(whole), frozenset(words)


def is_place(name: str) -> bool:
    """'Japan', 'the Netherlands', 'Russia', 'Britain', 'North Carolina': yes; 'IOC', 'Boeing': no."""
    low = " ".join(name.lower().replace(".", "").split())
    if low.startswith("the "):
        low = low[4:]
    if not low:
        return False
    whole, words = _names()
    if low in whole or low in words:
        return True
    # "Russia" for "Russian Federation"
    return len(low) >= 4 and low + "n" in words


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.-]*(?:\s+(?:of\s+)?[A-Z][\w.-]*)*")


def place_in(text: str, skip: str = "") -> str | None:
    """The first country or region a text names by name ("Russia's foreign minister" ->
    "Russia"), leaving out the capitalised words of `skip` (a person's name, a role)."""
    skipped = {w.lower() for w in _WORD.findall(skip)}
    for m in _CAPITALISED_RUN.finditer(text):
        words = re.sub(r"['’]s?\Z", "", m.group(0)).split()
        while words and (words[0].lower() in skipped or words[0] == "of"):
            words.pop(0)
        while words and words[-1].lower() in skipped:
            words.pop()
        if words and is_place(" ".join(words)):
            return " ".join(words)
    return None


# Region names that are common words too ("Central", "Gulf" in Papua New Guinea).
_GENERIC_REGION = re.compile(r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|capital|"
                             r"gulf|coast|coastal|islands?|upper|lower|middle|city|district|region|province)"
                             r"(?:\s+|\Z))+", re.I)


@functools.lru_cache(maxsize=256)
def regions_of(name: str) -> re.Pattern | None:
    """A pattern for the first-level regions of the country `name` names ("England",
    "Scotland", "Wales" for the United Kingdom; the states for the United States), as a
    text writes them: a story that names them is about that country. None for no country."""
    import unicodedata

    import pycountry

    country = _country(name)
    if country is None:
        return None
    spellings = set()
    for s in pycountry.subdivisions.get(country_code=country) or ():
        if s.parent_code:
            continue
        for part in re.split(r"\s*[\[\];]\s*", s.name):
            part = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", part.split(",")[0]).strip()  # "Cymru GB-CYM"
            plain = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
            for spelling in {part, plain}:
                if len(spelling) >= 4 and spelling[:1].isupper() and not _GENERIC_REGION.fullmatch(spelling):
                    spellings.add(spelling)
    if not spellings:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
                      + r")(?![\w-])")


_SHORT_FORMS = {"uk": "GB", "britain": "GB", "great britain": "GB", "us": "US", "usa": "US", "america": "US"}


def _country(name: str) -> str | None:
    """The ISO code of the country `name` names: "Russia" (the Russian Federation), "Iran",
    "UK"; None for anything else."""
    import pycountry

    low = " ".join(name.lower().replace(".", "").split()).removeprefix("the ")
    if low in _SHORT_FORMS:
        return _SHORT_FORMS[low]
    for c in pycountry.countries:
        names = {n.lower() for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)) if n}
        names |= {n.split(",")[0] for n in names}
        if low in names or any(n.startswith(low + "n ") for n in names):  # "Russia": "Russian Federation"
            return c.alpha_2
    return None
