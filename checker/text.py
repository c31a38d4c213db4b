"""Text as the validators see it: a normalized copy, sentences, tokens, positions.

Every derived string keeps the length of the original, so an offset found in
any of them is an offset into the file's text (after the BOM) and line and
column can be computed from it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from .cached import cached

# Same-length normalization: typographic variants become the plain form the
# parsers expect; thin and narrow spaces become NBSP so "5 000 000" still
# groups digits while a plain space never does.
_NORMALIZE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2009": "\u00a0", "\u202f": "\u00a0", "\u2007": "\u00a0", "\u2002": " ", "\u2003": " ",
    "\u2010": "-", "\u2011": "-", "\u2212": "-", "\t": " ", "\u200b": " ", "\ufeff": " ",
    "\u0000": " ",
})


_NEEDS_NORMALIZING = re.compile("[" + re.escape("".join(chr(c) for c in _NORMALIZE)) + "]")


def normalize(text: str) -> str:
    # Most text has none of these characters; looking for them is far cheaper than translating.
    return text.translate(_NORMALIZE) if _NEEDS_NORMALIZING.search(text) else text


def lower(text: str) -> str:
    """Lowercase without changing the length (a few letters grow under str.lower)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a byte offset in undecodable data."""
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


# --- sentences ---------------------------------------------------------------

_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt cmdr adm sen rep gov pres st ft mt jr sr
inc ltd co corp bros jan feb mar apr jun jul aug sep sept oct nov dec vs etc al
no nos vol pp fig approx est dept univ ave blvd rev hon messrs mme mlle
""".split())
_SENTENCE_STARTERS = frozenset("""
the a an in on at it he she they we i this that these those but and yet so as after
before when while if its his her their there however meanwhile also according
""".split())
_FUNCTION_WORDS = frozenset("""
a an the to of in on at by for from with and or but nor as than that which who whom
whose into onto upon about over under between among through during against without
within is are was were be been has have had will would could should may might must
its his her their our your my this these those such said says
""".split())

_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_LIST_OR_HEADING = re.compile(r"(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?)")
_LAST_WORD = re.compile(r"([\w'.-]+)[^\w]*$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each line from `start`, ends excluding the break."""
    out, pos = [], start
    for m in _LINE_BREAK.finditer(text, start):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _joins(prev: str, nxt: str, blank_between: bool, in_prose: bool = False) -> bool:
    """Whether a line break (maybe with blank lines) sits inside a sentence. `in_prose`: the
    previous line continues a long line of hard-wrapped prose, so it does not stand alone."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not _HAS_LETTER.search(prev) or not _HAS_LETTER.search(nxt):
        return False
    if _LIST_OR_HEADING.match(nxt) or prev.startswith("#"):
        return False
    if prev[-1] == "." and _abbreviation_ends(prev, nxt):
        return True  # "tore across the U.S. / Southeast", "Gov. / Ron DeSantis"
    if prev[-1] in ".!?:;\"')":
        return False
    if prev[-1] in ",-\u2013\u2014(" or nxt[:1].islower():
        return True  # a sentence runs on: no headline or new paragraph starts in lowercase
    m = _LAST_WORD.search(prev)
    if m and m.group(1).lower() in _FUNCTION_WORDS:
        return True
    if blank_between:
        return False
    # Hard-wrapped prose runs on; a short line standing alone is a headline,
    # a byline or page furniture.
    # ("... won 55.7% / of the vote against 44.3% for Economy Minister / Sergio Massa, ...":
    # a short line inside a wrapped sentence is no headline)
    # ("Photograph: Reuters" after a caption still stands alone)
    return len(prev) >= 50 and nxt[:1].islower() or len(prev) >= 60 or in_prose and len(prev) >= 30 and ":" not in prev


_NEXT_CHAR = re.compile(r"\s*(\S)")
_WORD_TAIL = re.compile(r"[\w.]+\Z")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S" of "U.S."
_WORD_AFTER = re.compile(r"\s*([\w']+)")


def _word_ending(text: str, end: int) -> str:
    """The word (letters, digits and dots) that ends at `end`, at most 30 characters."""
    floor = max(0, end - 30)
    i = max(text.rfind(" ", floor, end), text.rfind("\n", floor, end), floor - 1) + 1
    word = text[i:end]
    if word.isalpha():
        return word  # the common case
    m = _WORD_TAIL.search(word)
    return m.group(0) if m else ""


def _abbreviation_ends(prev: str, nxt: str) -> bool:
    """Whether a line ending in '.' ends on an abbreviation that the next line goes on from."""
    word = _word_ending(prev, len(prev) - 1)  # before the final '.'
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS or len(word) == 1 and word.isupper():
        return True
    if "." not in word or not _INITIALS.fullmatch(word):
        return False
    following = _WORD_AFTER.match(nxt)
    return bool(following) and following.group(1).lower() not in _SENTENCE_STARTERS


def _is_boundary(text: str, end_match: re.Match) -> bool:
    stop = end_match.end()
    nxt = _NEXT_CHAR.match(text, stop, stop + 40)
    if not nxt:
        return True
    ch = nxt.group(1)
    if ch.islower() or ch in ",;:)":
        return False
    punct = end_match.group(0)
    if "." not in punct or punct.startswith(("!", "?")) or len(punct) > 1 and punct[1] in "\"')]":
        return True
    word = _word_ending(text, end_match.start())
    if not word:
        return True
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return False
    if "." in word and _INITIALS.fullmatch(word):
        # "U.S." ends a sentence only when a typical opener follows.
        following = _WORD_AFTER.match(text, stop, stop + 40)
        return bool(following) and following.group(1).lower() in _SENTENCE_STARTERS
    return True


_MD_BLOCK = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t].*$|(?=(?:[-*+]|\d+[.)])[ \t]))")


def markdown_breaks(raw: str, start: int = 0) -> list[int]:
    """Where Markdown blocks force a sentence end: after a heading, before a list item."""
    out = []
    for m in _MD_BLOCK.finditer(raw, start):
        out.append(m.end() if m.group(0) else m.start())
        if m.group(0):
            out.append(m.start())
    return out


def split_sentences(text: str, start: int = 0, forced: list[int] | None = None) -> list[Sentence]:
    """Sentences of text[start:], as offsets, surviving hard wraps and page furniture."""
    breaks: list[int] = list(forced or [])
    lines = _lines(text, start)
    content = [(s, e) for s, e in lines if text[s:e].strip()]
    in_prose = False
    for (ps, pe), (ns, ne) in zip(content, content[1:]):
        blank = text.count("\n", pe, ns) > 1 or text.count("\r", pe, ns) > 1
        joined = _joins(text[ps:pe], text[ns:ne], blank, in_prose)
        if not joined:
            breaks.append(pe)
        in_prose = joined and not blank and len(text[ps:pe].strip()) >= 60
    for m in _END.finditer(text, start):
        if _is_boundary(text, m):
            breaks.append(m.end())
    breaks.append(len(text))
    out: list[Sentence] = []
    pos = start
    for b in sorted(set(breaks)):
        if b <= pos:
            continue
        seg = text[pos:b]
        lead = len(seg) - len(seg.lstrip())
        s, e = pos + lead, pos + len(seg.rstrip())
        if e > s:
            out.append(Sentence(len(out), s, e))
        pos = b
    return out


# --- tokens and clauses --------------------------------------------------------

# Verbs that take up a clause again after an aside: "The first Mass, during which the altar
# will be consecrated, will be celebrated on Monday".
RESUMING = frozenset("""is was are were has had have will would can could may might must shall should did does
took made held met left said told began sent won lost saw got came went fell rose hit struck broke gave ran led
paid sold bought built became""".split())


def resumes(word: str) -> bool:
    """Whether a word after an aside's closing comma is a verb taking up the clause again."""
    low = word.lower()
    return low in RESUMING or len(low) > 4 and low.endswith("ed")

_TOKEN = re.compile(r"\w+(?:(?:['.\-]|(?<=\d),(?=\d{3}\b))\w+)*|[^\w\s]")
_CLAUSE_WORDS = frozenset("""
when while whereas because although though where which who whom whose but after
before until unless since that
""".split())
# "In September, the king went to Spain": a short opening phrase is not a clause of its own.
_OPENERS = frozenset("in on at by since last earlier later this next during after before from until for".split())
_CLAUSE_PUNCT = frozenset(",;:()[]\u2014")
_PART_PUNCT = frozenset(";()[]")
# "412 seats and the Conservatives 121": "and" before a new noun phrase opens a clause.
_AND_NEW_SUBJECT = re.compile(r"\s+(?:the|its|their|his|her)\b", re.I)
# ", and Governor Jane Doe was ...": after a comma, a second sentence joined to the first.
_AND_NEW_SENTENCE = re.compile(r"\s+(?:(?:the|its|their|his|her)\b|[A-Z])")
_PART_WORDS = frozenset("when while whereas although though but unless because".split())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    clause: int
    part: int


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end] with a clause number each.

    A new clause starts at punctuation that sets off a clause and at words that
    open a subordinate one, so "the visit ..., when the king went to Spain in
    September" keeps September away from the visit. A new part starts only at
    the stronger breaks (a semicolon, a bracket, "while", "but"): a contradiction
    needs its anchors in the value's part.
    """
    out: list[Token] = []
    clause = part = 0
    quiet_comma = -1  # the closing comma of ", Taiwan," which does not end a clause either
    for m in _TOKEN.finditer(text, start, end):
        word = m.group(0)
        if word == "(" and out and _SHORT_BRACKET.match(text, m.start(), end):
            quiet_comma = _SHORT_BRACKET.match(text, m.start(), end).end() - 1
            out.append(Token(m.start(), m.end(), word, clause, part))
            continue  # "Party for Freedom (PVV) won": a short gloss, not a part of its own
        if word == ")" and m.start() == quiet_comma:
            out.append(Token(m.start(), m.end(), word, clause, part))
            continue
        if word == "," and out and (m.start() == quiet_comma or _PLACE_APPOSITIVE.match(text, m.start(), end)):
            if m.start() != quiet_comma:
                quiet_comma = _PLACE_APPOSITIVE.match(text, m.start(), end).end() - 1
            out.append(Token(m.start(), m.end(), word, clause, part))
            continue  # "the quake that hit Hualien, Taiwan, on 3 March": a place's country
        low = word.lower()
        if not out:
            out.append(Token(m.start(), m.end(), word, clause, part))
            continue
        if word == "," and clause == 0 and len(out) <= 5 and out[0].text.lower() in _OPENERS:
            out.append(Token(m.start(), m.end(), word, clause, part))
            continue
        if word == ":" and _NUMBER_NEXT.match(text, m.end()):
            out.append(Token(m.start(), m.end(), word, clause, part))
            continue  # "Ruritania flood toll: 214": a headline's colon introduces its figure
        if word in _CLAUSE_PUNCT or word in "-\u2013" and _spaced(text, m):
            clause += 1
            part += word in _PART_PUNCT
            out.append(Token(m.start(), m.end(), word, clause, part))
            clause += 1
            continue
        joined = low == "and" and out[-1].text == "," and _AND_NEW_SENTENCE.match(text, m.end()) is not None
        if (low in _CLAUSE_WORDS and not (low == "since" and _since_date(text, m.end()))
                or joined or low == "and" and _AND_NEW_SUBJECT.match(text, m.end())):
            clause += 1
            part += low in _PART_WORDS or joined
        out.append(Token(m.start(), m.end(), word, clause, part))
    return out


# ", Taiwan," or ", Ontario, Canada," after a place: one or two capitalised words set off
# by commas and followed by a lowercase word, not a list of names.
# Not before a verb, which takes up the sentence's own clause again ("Flight 1282, bound for
# Ontario, California, took off ..."; see `resumes`).
_PLACE_APPOSITIVE = re.compile(r",\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,(?=\s+[a-z])(?!\s+(?:"
                               + "|".join(sorted(RESUMING)) + r"|[a-z]{3,}ed)\b)")
# "(PVV)", "(NSC)", "(R-Texas)": a bracket of one or two words glossing what precedes it.
_SHORT_BRACKET = re.compile(r"\(\s*[^()\s,;]+(?:\s+[^()\s,;]+)?\s*\)")
_NUMBER_NEXT = re.compile(r"\s*(?:[$€£¥]|\d)")


def _spaced(text: str, m: re.Match) -> bool:
    return text[m.start() - 1:m.start()] == " " and text[m.end():m.end() + 1] == " "


def _since_date(text: str, pos: int) -> bool:
    """'since 2000' is a date phrase, not a subordinate clause."""
    # ("since Helmut Kohl in 1982": a record's holder and year, no clause either)
    return bool(re.match(r"\s+(?:the\s+)?(?:\d|[A-Z][a-z]+\s+\d|(?:early|mid|late)\b|last\b"
                         r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:in|of)\s+\d)", text[pos:pos + 60]))


_MD_LINK = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|\[(?=[^\]\n]*\]\()")
_MD_MARKS = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]|>[ \t]?)|\*\*|__|`+|<[^<>\n]{1,200}>|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")


def blank_markdown(text: str) -> str:
    """Markdown syntax turned into spaces, so offsets still point into the file."""
    def spaces(m: re.Match) -> str:
        return re.sub(r"[^\r\n]", " ", m.group(0))
    return _MD_MARKS.sub(spaces, _MD_LINK.sub(spaces, text))


# Binding a value looks at every phrase of its sentence, so a "sentence" of
# megabytes (a file with no full stops) would cost its length squared. No real
# sentence is this long; a longer run of text is cut, at a space, into pieces.
MAX_SENTENCE_CHARS = 3000


def _bounded(sentences: list[Sentence], norm: str) -> list[Sentence]:
    """Sentences cut, at a space where there is one, into pieces of at most MAX_SENTENCE_CHARS."""
    if all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences):
        return sentences
    out: list[Sentence] = []
    for s in sentences:
        pos = s.start
        while s.end - pos > MAX_SENTENCE_CHARS:
            cut = norm.rfind(" ", pos + MAX_SENTENCE_CHARS // 2, pos + MAX_SENTENCE_CHARS)
            cut = cut if cut > pos else pos + MAX_SENTENCE_CHARS
            out.append(Sentence(len(out), pos, cut))
            pos = cut
            while pos < s.end and norm[pos].isspace():
                pos += 1
        if pos < s.end:
            out.append(Sentence(len(out), pos, s.end))
    return out


def _word_char(c: str) -> bool:
    return bool(c) and (c.isalnum() or c == "_")


@dataclass
class Document:
    """A source's text, ready for validators (built by `sources.read_source`)."""

    path: str
    raw: str
    date: object = None
    body_start: int = 0
    markdown: bool = False
    norm: str = field(init=False)
    low: str = field(init=False)

    def __post_init__(self) -> None:
        norm = normalize(self.raw)
        if self.body_start:
            norm = " " * self.body_start + norm[self.body_start:]
        self.norm = blank_markdown(norm) if self.markdown else norm
        self.low = lower(self.norm)

    @cached
    def line_starts(self) -> list[int]:
        return line_starts(self.raw)

    @cached
    def _split(self) -> list[Sentence]:
        forced = markdown_breaks(self.raw, self.body_start) if self.markdown else None
        return split_sentences(self.norm, self.body_start, forced)

    @cached
    def sentences(self) -> list[Sentence]:
        return _bounded(self._split, self.norm)  # the same list when no sentence was too long

    @cached
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_matches(self, pattern: re.Pattern, index: int) -> bool:
        """Whether `pattern` matches in the lowercased sentence `index`, as if searched on
        its own. For patterns whose matches are words: the characters around a sentence
        are not words, except where a sentence too long to keep whole was cut inside one."""
        s = self.sentences[index]
        low = self.low
        if self.sentences is not self._split and (_word_char(low[s.start - 1:s.start])
                                                  or _word_char(low[s.end:s.end + 1])):
            return pattern.search(low[s.start:s.end]) is not None
        return pattern.search(low, s.start, s.end) is not None

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        return position(self.line_starts, offset)

    def sentence_text(self, s: Sentence) -> str:
        return " ".join(self.raw[s.start:s.end].split())
