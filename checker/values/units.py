"""Words around numbers: currencies, percentages, and nouns that count other things.

General English, not any story's vocabulary: which spellings name a currency,
and which nouns after a number show it counts something else ("3 million
people"), so that it cannot be taken for the fact's unit.
"""
from __future__ import annotations

CURRENCIES: dict[str, tuple[str, ...]] = {
    "dollar": ("$", "us$", "u.s.$", "usd", "dollar", "dollars", "us dollars", "u.s. dollars"),
    "euro": ("€", "eur", "euro", "euros"),
    "pound": ("£", "gbp", "pound", "pounds", "pounds sterling", "sterling"),
    "yen": ("¥", "jpy", "yen"),
    "yuan": ("cny", "rmb", "yuan", "renminbi"),
    "ruble": ("₽", "rub", "ruble", "rubles", "rouble", "roubles"),
    "won": ("₩", "krw", "won"),
    "rupee": ("₹", "inr", "rupee", "rupees", "rs", "rs."),
    "hryvnia": ("₴", "uah", "hryvnia", "hryvnias"),
    "franc": ("chf", "sfr", "swfr", "franc", "francs", "swiss francs"),
    # (the texts' symbols for these are read in values/numbers.py; "real" and "try" are English words)
    "real": ("r$", "brl", "reais", "brazilian real", "brazilian reais"),
    "lira": ("₺", "lira", "liras", "lire", "turkish lira"),
    "shekel": ("₪", "ils", "nis", "shekel", "shekels"),
    "dirham": ("aed", "dh", "dhs", "dirham", "dirhams"),
    "shilling": ("kes", "ksh", "sh", "shilling", "shillings", "kenyan shilling", "kenyan shillings"),
}
PERCENT: tuple[str, ...] = ("%", "percent", "per cent", "pct")
# Measures written several ways: a fact base's unit in one spelling finds the others ("km",
# "kilometres", "kilometers"). Only spellings no other word has ("m", "ft." and "mi" are left
# to the fact base: "m" is also a million, and part of "a.m.").
MEASURES: tuple[tuple[str, ...], ...] = (
    ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"),
    ("metre", "metres", "meter", "meters"),
    ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    ("mm", "millimetre", "millimetres", "millimeter", "millimeters"),
    ("mile", "miles"),
    ("foot", "feet", "ft"),
    ("inch", "inches"),
    ("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes"),
    ("tonne", "tonnes", "metric ton", "metric tons"),
    ("litre", "litres", "liter", "liters"),
    ("hectare", "hectares"),
    ("sq km", "square kilometres", "square kilometers", "km2", "km²"),
)
_MEASURE_OF = {spelling: family for family in MEASURES for spelling in family}


def measure_spellings(term: str) -> tuple[str, ...]:
    """The other spellings of a measure ("km" -> "kilometres", "kilometers", ...), or ()."""
    return _MEASURE_OF.get(" ".join(term.lower().split()), ())

_CURRENCY_OF = {spelling: name for name, spellings in CURRENCIES.items() for spelling in spellings}


def currency_of(term: str) -> str | None:
    return _CURRENCY_OF.get(" ".join(term.lower().split()))


def unit_key(term: str) -> str | None:
    """The shared key of a currency or percent spelling ("$", "dollars" -> "¤dollar")."""
    low = " ".join(term.lower().split())
    if low in PERCENT:
        return "¤percent"
    name = _CURRENCY_OF.get(low)
    return f"¤{name}" if name else None


def spellings(key: str) -> tuple[str, ...]:
    if key == "¤percent":
        return PERCENT
    return CURRENCIES.get(key[1:], ())


# Nouns that say what else a number counts; reaching one ends the search for
# the fact's unit.
COUNT_NOUNS = frozenset("""
people persons person men women children kids adults residents civilians citizens
refugees migrants voters votes seats troops soldiers fighters officers police
workers employees jobs staff members families households homes houses buildings
cases patients deaths dead casualties victims injured wounded prisoners hostages
years year months month weeks week days day hours hour minutes minute seconds times
miles mile kilometres kilometers km metres meters feet acres hectares tons tonnes
barrels cars vehicles planes aircraft ships vessels tanks drones missiles rockets
pages points goals games matches countries nations cities towns villages states
companies firms students schools visitors tourists users subscribers copies units
""".split())

# Words that end a noun phrase: a unit further on belongs to something else.
PHRASE_ENDERS = frozenset("""
a an the and or but nor to in on at by for from with as than that which who whom
whose into onto about over under between among through during against without within
is are was were be been being has have had will would could should may might must
can do does did said says say while when where after before since until because if
this these those its his her their our your my per each every
""".split())
