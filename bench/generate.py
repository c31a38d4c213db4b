"""Generate a synthetic news corpus and fact base for the speed benchmark (issue 6).

    python bench/generate.py --articles 10000 --facts 1000 --seed 1 --out /tmp/corpus

writes

    OUT/facts.yaml        version 1, `sources: ["articles/*.txt"]`, aliases, facts
    OUT/articles/*.txt    plain text, about 4 KB each (about 40 MB for 10,000)
    OUT/manifest.json     the parameters, the publication date, the byte count

and prints OUT (a new temporary folder when --out is not given).

The articles are plain text with no date in them: they are all dated by the
command line, `checker check --facts OUT/facts.yaml --date 2024-06-17` (the
date is in manifest.json, under "date"; bench/run.py passes it).

The world is invented and built from syllables (countries such as "Ruritania",
their capitals, people, projects, accords, summits, floods), so there are
thousands of distinct stories. A story has one anchor with an alias and four
facts: the date of its event, a count (workers, visitors, homes, articles), an
amount of money (`unit: [$, dollars]`), and an official of its country in a
role. Facts come story by story; `--facts F` takes the first F.

Articles are drawn from a world of `--world` facts' worth of stories (10,000
by default, or F if larger), not from the F facts, so runs with 100, 1,000 and
10,000 facts check the very same texts. Stories are picked with a long-tailed
popularity (a few big stories, many small ones), as news is. Each article
covers one to three stories, states some of their facts (mostly consistently,
some with another value, some hedged), names officials (mostly the right
ones), and fills the rest with unrelated news prose: other numbers, dates,
percentages, money, and people with roles.

With `--mentioned M`, articles tell only the stories of the first M facts (the
people, countries and filler are drawn as before): fact bases of M and of more
facts are then compared on texts that mention none of the extra facts.

Everything is derived from --seed with `random.Random`: the same arguments give
byte-identical files. Standard library and PyYAML only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import sys
import tempfile

import yaml

PUBLICATION_DATE = dt.date(2024, 6, 17)  # every article; passed as `checker check --date`
FACTS_PER_STORY = 4
DEFAULT_WORLD = 10_000

# --- names from syllables -----------------------------------------------------------
_ONSETS = ("b br d dr f g gr k kr l m n p pr r s st t tr v z sh ch h j").split()
_VOWELS = ("a e i o u a e o ai ei").split()
_CODAS = ("", "", "", "n", "r", "l", "s", "k", "m", "sk", "nd", "rt")
_COUNTRY_ENDS = (("ania", "anian"), ("ovia", "ovian"), ("esia", "esian"), ("aria", "arian"),
                 ("land", "lander"), ("stan", "stani"), ("ora", "oran"), ("ica", "ican"))
_BAD = {"the", "and", "man", "men", "ban", "bin", "den", "ten", "tan", "son", "sun", "far", "for",
        "tor", "pro", "pre", "con", "dan", "kim", "may", "march", "april", "june", "july", "head",
        "chief", "minister", "premier", "mayor", "dollar", "dollars", "years", "since", "first",
        "last", "visit", "trip", "cost", "workers", "homes", "shares", "state", "china", "india"}

ROLES = ("president", "prime minister", "foreign minister", "defense minister", "finance minister",
         "interior minister", "health minister", "energy minister", "trade minister", "transport minister",
         "justice minister", "education minister", "central bank governor", "environment minister",
         "agriculture minister", "labour minister")
# Story kinds: noun, alternative noun (alias), event verbs (cues), count unit, count phrase, money cue.
KINDS = (
    ("Dam", "reservoir", ("opened", "inaugurated"), "workers", "employs {n} workers", "cost"),
    ("Bridge", "crossing", ("opened", "inaugurated"), "workers", "was built by {n} workers", "cost"),
    ("Airport", "air hub", ("opened", "inaugurated"), "workers", "employs {n} workers", "cost"),
    ("Refinery", "plant", ("opened", "commissioned"), "workers", "employs {n} workers", "cost"),
    ("Railway", "rail line", ("opened", "inaugurated"), "passengers", "carried {n} passengers last year", "cost"),
    ("Port", "harbour", ("opened", "inaugurated"), "containers", "handled {n} containers last year", "cost"),
    ("Stadium", "arena", ("opened", "inaugurated"), "seats", "has {n} seats", "cost"),
    ("Hospital", "medical centre", ("opened", "inaugurated"), "beds", "has {n} beds", "cost"),
    ("Accord", "agreement", ("signed",), "articles", "has {n} articles", "aid"),
    ("Treaty", "pact", ("signed",), "articles", "runs to {n} articles", "aid"),
    ("Summit", "meeting", ("held", "convened"), "delegates", "drew {n} delegates", "budget"),
    ("Festival", "fair", ("held", "opened"), "visitors", "drew {n} visitors", "budget"),
    ("Flood", "floods", ("struck", "hit"), "homes", "destroyed {n} homes", "damage"),
    ("Wildfire", "blaze", ("broke out", "started"), "homes", "destroyed {n} homes", "damage"),
    ("Strike", "walkout", ("began", "started"), "workers", "involved {n} workers", "losses"),
)
_PASSIVE = frozenset({"inaugurated", "commissioned", "signed", "held", "convened"})  # "was signed"
_MONTHS = ("January February March April May June July August September October November December").split()
_WEEKDAYS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()

# --- unrelated news prose -----------------------------------------------------------
_CLAUSES = (
    "the talks had been constructive but that no agreement had yet been reached",
    "the government would not be rushed into a decision",
    "the measures were temporary and would be reviewed before the end of the year",
    "the opposition had been consulted on the plan",
    "inflation remained the main worry for households",
    "the ministry was still studying the proposal",
    "further sanctions could not be ruled out",
    "the budget would be presented to parliament next month",
    "the country remained open to foreign investment",
    "there had been no change in policy",
)
_FILLER = (
    "Analysts said the decision reflected growing pressure on the government ahead of next year's budget.",
    "The announcement came after weeks of speculation in the local press.",
    "Opposition lawmakers called for an inquiry, saying the public had not been told the full story.",
    "Markets were little changed after the news, with traders focused on the central bank's next move.",
    "Officials declined to give a timetable for the next round of negotiations.",
    "The ministry did not respond to a request for comment.",
    "Residents said they had heard nothing from the authorities for several days.",
    "The plan has been criticised by environmental groups and by several regional governors.",
    "Critics say the project has been plagued by delays and rising costs.",
    "Diplomats said privately that the outcome was far from certain.",
    "It was not immediately clear how the measures would be paid for.",
    "Local media reported long queues outside government offices in the capital.",
    "The decision is likely to be challenged in the courts.",
    "Business groups welcomed the move but said more needed to be done.",
    "Turnout at the rally was lower than organisers had hoped.",
    "The government has denied any wrongdoing.",
    "Talks are due to resume later this month.",
    "Neither side has published the full text of the proposals.",
    "Union leaders warned of further disruption if their demands were not met.",
    "The report was based on interviews with officials, engineers and residents.",
)
_GROUPS = ("people", "residents", "students", "farmers", "protesters", "tourists", "soldiers", "nurses")
_ORGS = ("Institute for Regional Studies", "Centre for Economic Policy", "Council on Trade",
         "Foundation for Open Markets", "Bureau of Statistics", "Energy Research Group")


def _stem(rng: random.Random, syllables: int) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables - 1))
    return (word + rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)).capitalize()


class _Names:
    """Distinct invented words: no two entities share a name, and none is an English word we use."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set(_BAD)

    def new(self, syllables: tuple[int, ...] = (2, 3), min_len: int = 4) -> str:
        while True:
            s = _stem(self.rng, self.rng.choice(syllables))
            if len(s) >= min_len and s.lower() not in self.used:
                self.used.add(s.lower())
                return s


def _fmt_date(d: dt.date, style: int) -> str:
    if style == 0:
        return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == 1:
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_MONTHS[d.month - 1]} {d.year}"


def _fmt_count(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} million".replace(".0 ", " ")
    return f"{n:,}"


def _fmt_money(x: float) -> str:
    if x >= 1e9:
        return f"${x / 1e9:.1f} billion".replace(".0 ", " ")
    return f"${x / 1e6:.0f} million"


# --- the world ------------------------------------------------------------------------
def build_world(seed: int, n_stories: int) -> dict:
    """Countries, officials and stories. The world depends on its size, so runs that are
    to share articles must share `n_stories` (--world)."""
    rng = random.Random(f"world-{seed}")
    names = _Names(rng)
    n_countries = max(20, -(-n_stories // 12))
    countries = []
    for _ in range(n_countries):
        stem = names.new((2, 3), 4)
        end, adj = rng.choice(_COUNTRY_ENDS)
        base = stem[:-1] if stem[-1] in "aeiou" else stem
        country = {"name": base + end, "adj": base + adj, "capital": names.new((2, 3), 5),
                   "cities": [names.new((2, 3), 5) for _ in range(3)],
                   "officials": {role: f"{names.new((2,), 4)} {names.new((2, 3), 5)}" for role in ROLES}}
        names.used.update({country["name"].lower(), country["adj"].lower()})
        countries.append(country)
    stories = []
    per_country: dict[int, int] = {}
    for i in range(n_stories):
        srng = random.Random(f"story-{seed}-{i}")
        ci = srng.randrange(n_countries)
        noun, alt, verbs, unit, count_phrase, money_cue = KINDS[srng.randrange(len(KINDS))]
        stem = names.new((2, 3), 5)
        k = per_country.get(ci, 0)
        per_country[ci] = k + 1
        days = srng.randrange((dt.date(1995, 1, 1) - dt.date(1, 1, 1)).days, (dt.date(2024, 5, 1) - dt.date(1, 1, 1)).days)
        count = int(10 ** srng.uniform(2.5, 6.3))
        count = int(float(f"{count:.3g}"))
        stories.append({
            "id": i, "country": ci, "stem": stem, "noun": noun, "alt": alt, "verbs": verbs,
            "subject": f"{stem} {noun}", "alias": f"{stem} {alt}",
            "date": dt.date(1, 1, 1) + dt.timedelta(days=days),
            "unit": unit, "count_phrase": count_phrase, "count": count,
            "money_cue": money_cue, "money": float(f"{10 ** srng.uniform(7, 10.3):.2g}"),
            "role": ROLES[k % len(ROLES)] if k < len(ROLES) else None,
        })
    return {"seed": seed, "countries": countries, "stories": stories}


def story_facts(world: dict, s: dict) -> list[dict]:
    c = world["countries"][s["country"]]
    slug = f"{s['stem'].lower()}-{s['noun'].lower()}"
    d = s["date"]
    verb = s["verbs"][0]
    verb = f"was {verb}" if verb in _PASSIVE else verb
    facts = [
        {"id": f"{slug}-date", "kind": "date",
         "claim": f"The {s['subject']} in {c['name']} {verb} on {_fmt_date(d, 0)}",
         "about": [s["subject"]], "cues": list(s["verbs"]), "value": d.isoformat()},
        {"id": f"{slug}-{s['unit']}", "kind": "quantity",
         "claim": f"The {s['subject']} {s['count_phrase'].format(n=_fmt_count(s['count']))}",
         "about": [s["subject"]], "unit": [s["unit"]], "value": s["count"], "tolerance": "5%"},
        {"id": f"{slug}-{s['money_cue']}", "kind": "quantity",
         "claim": f"The {s['money_cue']} of the {s['subject']} is put at {_fmt_money(s['money'])}",
         "about": [s["subject"]], "cues": [s["money_cue"]], "unit": ["$", "dollars"],
         "value": int(s["money"]), "tolerance": "10%"},
    ]
    if s["role"]:
        facts.append({"id": f"{c['name'].lower()}-{s['role'].replace(' ', '-')}", "kind": "official",
                      "claim": f"{c['officials'][s['role']]} is {c['name']}'s {s['role']}",
                      "role": s["role"], "of": c["name"], "person": c["officials"][s["role"]]})
    else:  # the country's roles are all taken by earlier stories: the project's director
        facts.append({"id": f"{slug}-director", "kind": "official",
                      "claim": f"{_director(world, s)} is the director of the {s['subject']}",
                      "role": "director", "of": s["subject"], "person": _director(world, s)})
    return facts


def _director(world: dict, s: dict) -> str:
    r = random.Random(f"director-{world['seed']}-{s['id']}")
    return f"{_stem(r, 2)} {_stem(r, 3)}dor"


def fact_base(world: dict, n_facts: int) -> dict:
    facts, aliases, countries_used = [], {}, []
    for s in world["stories"]:
        if len(facts) >= n_facts:
            break
        facts.extend(story_facts(world, s)[: n_facts - len(facts)])
        aliases[s["subject"]] = [s["alias"]]
        if s["country"] not in countries_used:
            countries_used.append(s["country"])
    for ci in countries_used:
        c = world["countries"][ci]
        aliases[c["name"]] = [c["adj"], c["capital"], f"{c['name']}'s"]
    aliases["defense minister"] = ["defence minister", "minister of defense"]
    aliases["president"] = ["head of state"]
    return {"version": 1, "sources": ["articles/*.txt"], "aliases": aliases, "facts": facts}


# --- articles ---------------------------------------------------------------------------
class _Writer:
    def __init__(self, world: dict, rng: random.Random, mentioned: int | None = None):
        self.w, self.rng = world, rng
        # with `mentioned`, articles tell only the stories of the first `mentioned` facts
        n = len(world["stories"]) if mentioned is None else max(1, -(-mentioned // FACTS_PER_STORY))
        self.stories = world["stories"][:n]
        # ... and name only the officials that are facts of those stories: a country's role is a
        # fact of the first story that takes it, so naming any other would mention a later fact
        self.officials = sorted({(st["country"], st["role"]) for st in self.stories if st["role"]}) \
            if mentioned is not None else None
        self.story_weights = list(itertools.accumulate(1 / (i + 50) for i in range(n)))
        m = len(world["countries"])
        self.country_weights = list(itertools.accumulate(1 / (i + 5) for i in range(m)))

    def story(self) -> dict:
        return self.rng.choices(self.stories, cum_weights=self.story_weights)[0]

    def country(self) -> dict:
        return self.rng.choices(self.w["countries"], cum_weights=self.country_weights)[0]

    def person(self) -> str:
        r = self.rng
        return f"{_stem(r, 2)} {_stem(r, r.choice((2, 3)))}"

    def date_text(self, d: dt.date) -> str:
        return _fmt_date(d, self.rng.choice((0, 0, 1, 2)))

    # one sentence stating (or misstating) a fact of story s
    def fact_sentence(self, s: dict) -> str:
        r, c = self.rng, self.w["countries"][s["country"]]
        roll = r.random()
        wrong = roll < 0.12
        hedged = 0.12 <= roll < 0.2
        subj = s["subject"] if r.random() < 0.8 else s["alias"]
        which = r.choice(("date", "date", "count", "money"))
        if which == "date":
            d = s["date"]
            if wrong:
                d = d.replace(year=d.year + r.choice((-3, -2, -1, 1, 2))) if d.month != 2 or d.day < 29 else d
            verb = r.choice(s["verbs"])
            verb = f"was {verb}" if verb in _PASSIVE else verb
            forms = (f"The {subj} {verb} on {self.date_text(d)}, officials said.",
                     f"The {subj}, which {verb} in {_fmt_date(d, 2)}, has been at the centre of the dispute.",
                     f"{c['adj']} officials said the {subj} {verb} on {self.date_text(d)}.")
            if hedged:
                return f"Some reports said the {subj} could have {verb.replace('was ', 'been ')} as late as {d.year + 2}."
            return r.choice(forms)
        if which == "count":
            n = s["count"]
            if wrong:
                n = int(float(f"{n * r.choice((0.4, 0.5, 2, 3)):.3g}"))
            mod = r.choice(("", "", "about ", "more than ", "nearly "))
            if mod == "more than ":
                n = int(float(f"{n * 0.9:.2g}"))
            phrase = s["count_phrase"].format(n=mod + _fmt_count(n))
            if hedged:
                return f"The {subj} could eventually reach {_fmt_count(n * 3)} {s['unit']}, planners projected."
            return r.choice((f"The {subj} {phrase}, according to official figures.",
                             f"According to the {c['adj']} government, the {subj} {phrase}."))
        x = s["money"]
        if wrong:
            x = float(f"{x * r.choice((0.3, 0.5, 2.5)):.2g}")
        cue = s["money_cue"]
        if hedged:
            return f"Officials said the {cue} of the {subj} could rise to {_fmt_money(x * 4)}."
        return r.choice((f"The {cue} of the {subj} was put at {_fmt_money(x)}.",
                         f"The {subj} {cue} reached {_fmt_money(x)}, the finance ministry said."))

    def official_sentence(self, c: dict) -> str:
        r = self.rng
        role = r.choice(ROLES)
        if self.officials is not None:
            ci, role = r.choice(self.officials)
            c = self.w["countries"][ci]
        person = c["officials"][role] if r.random() < 0.9 else self.person()
        forms = (f"{c['name']}'s {role}, {person}, said on {r.choice(_WEEKDAYS)} that {r.choice(_CLAUSES)}.",
                 f"{person}, the {c['adj']} {role}, told reporters that {r.choice(_CLAUSES)}.",
                 f"{c['adj']} {role.title()} {person} is due to visit {self.country()['capital']} "
                 f"on {r.choice(_WEEKDAYS)}.")
        return r.choice(forms)

    def filler_sentence(self) -> str:
        r = self.rng
        c = self.country()
        pick = r.randrange(12)
        if pick < 4:
            return r.choice(_FILLER)
        if pick == 4:
            return (f"Some {r.randrange(2, 90) * 100:,} {r.choice(_GROUPS)} gathered in {c['capital']} "
                    f"on {r.choice(_WEEKDAYS)}, according to police estimates.")
        if pick == 5:
            return (f"Consumer prices rose {r.randrange(1, 120) / 10}% in {r.choice(_MONTHS)} from a year "
                    f"earlier, the {c['adj']} statistics office said.")
        if pick == 6:
            return (f"{self.person()}, an analyst at the {r.choice(_ORGS)} in {c['capital']}, said "
                    f"{r.choice(_CLAUSES)}.")
        if pick == 7:
            return (f"The {c['adj']} government has set aside {_fmt_money(r.randrange(5, 900) * 1e6)} for the "
                    f"programme over the next {r.randrange(2, 11)} years.")
        if pick == 8:
            return (f"In {r.randrange(1990, 2024)}, a similar project in {r.choice(c['cities'])} drew "
                    f"{r.randrange(2, 400) * 50:,} {r.choice(_GROUPS)}.")
        if pick == 9:
            return (f"{self.person()}, who has led the {r.choice(_ORGS)} since {r.randrange(1995, 2023)}, "
                    f"declined to comment.")
        if pick == 10:
            return (f"About {r.randrange(2, 60)} percent of {r.choice(_GROUPS)} in {r.choice(c['cities'])} "
                    f"said in a survey last {r.choice(_MONTHS)} that {r.choice(_CLAUSES)}.")
        return self.official_sentence(c)

    def article(self) -> str:
        r = self.rng
        stories = [self.story() for _ in range(r.choice((1, 1, 2, 2, 3)))]
        main = stories[0]
        c = self.w["countries"][main["country"]]
        head = r.choice((f"{c['adj']} officials defend {main['subject']} as questions mount",
                         f"What the {main['subject']} means for {c['name']}",
                         f"{c['name']} presses ahead with plans despite criticism"))
        target = r.randrange(3000, 4700)
        fact_lines = [self.fact_sentence(main) for _ in range(r.randrange(2, 6))]
        for s in stories[1:]:
            fact_lines += [self.fact_sentence(s) for _ in range(r.randrange(1, 3))]
        fact_lines += [self.official_sentence(self.w["countries"][s["country"]]) for s in stories]
        r.shuffle(fact_lines)
        paragraphs, size = [], len(head)
        first = f"{c['capital'].upper()}, {c['name']} — {self.filler_sentence()}"
        pending = [first] + fact_lines
        while size < target or pending:
            sentences = []
            for _ in range(r.randrange(2, 5)):
                if pending and (r.random() < 0.5 or size > target):
                    sentences.append(pending.pop(0))
                else:
                    sentences.append(self.filler_sentence())
            para = " ".join(sentences)
            paragraphs.append(para)
            size += len(para) + 2
        return head + "\n\n" + "\n\n".join(paragraphs) + "\n"


class _Flow(list):
    """A list written on one line in facts.yaml ("about: [Vahos Festival]")."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _flowed(node):
    if isinstance(node, dict):
        return {k: _flowed(v) for k, v in node.items()}
    if isinstance(node, list):
        items = [_flowed(v) for v in node]
        return _Flow(items) if all(isinstance(v, str) for v in items) else items
    return node


def write_corpus(out: str, n_articles: int, n_facts: int, seed: int, world_facts: int = DEFAULT_WORLD,
                 articles: bool = True, mentioned: int | None = None) -> dict:
    """Write OUT/facts.yaml, OUT/articles/*.txt (unless articles=False) and OUT/manifest.json."""
    world_facts = max(world_facts, n_facts)
    world = build_world(seed, -(-world_facts // FACTS_PER_STORY))
    os.makedirs(out, exist_ok=True)
    fb = fact_base(world, n_facts)
    with open(os.path.join(out, "facts.yaml"), "w", encoding="utf-8") as fh:
        fh.write(f"# Synthetic fact base: {n_facts} facts, seed {seed} (bench/generate.py).\n")
        fh.write(f"# Articles carry no date: check with --date {PUBLICATION_DATE.isoformat()}.\n")
        yaml.dump(_flowed(fb), fh, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                  width=120)
    total = 0
    if articles:
        folder = os.path.join(out, "articles")
        os.makedirs(folder, exist_ok=True)
        writer = _Writer(world, random.Random(f"articles-{seed}"), mentioned)
        width = len(str(n_articles))
        for i in range(n_articles):
            text = writer.article().encode("utf-8")
            total += len(text)
            with open(os.path.join(folder, f"a{i + 1:0{width}d}.txt"), "wb") as fh:
                fh.write(text)
    manifest = {"articles": n_articles, "facts": len(fb["facts"]), "seed": seed, "world_facts": world_facts,
                "mentioned": mentioned, "date": PUBLICATION_DATE.isoformat(), "bytes": total}
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=1000, metavar="N", help="number of articles (default 1000)")
    p.add_argument("--facts", type=int, default=1000, metavar="F", help="number of facts (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--world", type=int, default=DEFAULT_WORLD, metavar="W",
                   help=f"facts' worth of stories the articles are drawn from (default {DEFAULT_WORLD}, "
                        "or F if larger): keep it fixed to compare fact counts on the same articles")
    p.add_argument("--mentioned", type=int, metavar="M",
                   help="articles tell only the stories of the first M facts (default: any story of the world); "
                        "a larger fact base then adds facts the articles never mention")
    p.add_argument("--out", metavar="DIR", help="output folder (default: a new temporary folder)")
    args = p.parse_args(argv)
    if args.articles < 0 or args.facts < 1:
        p.error("--articles must be 0 or more and --facts 1 or more")
    out = args.out or tempfile.mkdtemp(prefix="checker-bench-")
    m = write_corpus(out, args.articles, args.facts, args.seed, args.world, mentioned=args.mentioned)
    print(out)
    print(f"{m['articles']} articles ({m['bytes'] / 1e6:.1f} MB), {m['facts']} facts; "
          f"check with --date {m['date']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
