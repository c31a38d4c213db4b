"""Sentence splitting, offsets and positions survive real-world text."""
import pytest
from hypothesis import given, strategies as st

from checker.text import Document, blank_markdown, line_starts, normalize, position, split_sentences


def sentences(text):
    return [text[s.start:s.end] for s in split_sentences(normalize(text))]


def test_abbreviations_do_not_split():
    text = "Mr. Smith met Gen. Jones in the U.S. and left. Then he flew home."
    assert sentences(text) == ["Mr. Smith met Gen. Jones in the U.S. and left.", "Then he flew home."]


def test_us_at_end_of_sentence_splits_before_an_opener():
    text = "Moscow was a supplier during its war with the U.S. The nation has since relied on Russia."
    assert len(sentences(text)) == 2


@pytest.mark.parametrize("text, count", [
    ("Helene tore across the U.S.\nSoutheast on Friday after slamming into Florida.", 1),
    ("said Gov.\nRon DeSantis on Friday.", 1),
    ("He moved to the U.S.\nHe lived there for years.", 2),
    ("The storm hit the coast.\nIt weakened inland.", 2),
])
def test_a_hard_wrap_after_an_abbreviation(text, count):
    assert len(sentences(text)) == count


def test_blank_line_inside_a_sentence_does_not_split():
    text = "Russia is likely to send military technology to\n\nKim, increasing the threat, Shin added."
    assert sentences(text) == [text]


def test_headline_byline_and_furniture_stand_alone():
    text = ("Miami Herald\n\nPutin to visit two countries as his war stalls\n\n- BY A WRITER Agency News\n\n"
            "The leader will travel abroad.\n\n ?? ??\n\nNewspapers in English\n")
    got = sentences(text)
    assert "Putin to visit two countries as his war stalls" in got
    assert "The leader will travel abroad." in got
    assert "Newspapers in English" in got


def test_hard_wrapped_prose_joins():
    text = ("The two leaders met at a cosmodrome in the far east of the country and\n"
            "agreed to deepen their cooperation on satellites.\n")
    assert len(sentences(text)) == 1


def test_a_short_line_inside_wrapped_prose_runs_on():
    text = ("Milei, a 53-year-old economist and former television pundit, won 55.7%\n"
            "of the vote against 44.3% for Economy Minister\n"
            "Sergio Massa, the candidate of the ruling coalition, according to\n"
            "the electoral authority's count.\n")
    assert len(sentences(text)) == 1


def test_a_credit_line_after_a_long_caption_still_stands_alone():
    text = ("Crowds gathered outside parliament on Tuesday evening as the vote went ahead\n"
            "Photograph: Jane Doe/Agency\n"
            "The government said it would press on with the bill.\n")
    assert "The government said it would press on with the bill." in sentences(text)


def test_a_short_headline_after_a_wrapped_headline_still_stands_alone():
    text = ("Wagner chief calls off march\nas deal is brokered\n"
            "Moscow braces for the column on Saturday as the mutiny spreads north.\n")
    assert len(sentences(text)) == 2


def test_crlf_positions():
    text = "first line\r\nsecond line has 5 million\r\n"
    starts = line_starts(text)
    off = text.index("5 million")
    assert position(starts, off) == (2, 17)


def test_curly_quotes_and_thin_spaces_normalize_to_same_length():
    raw = "Russia\u2019s \u201cbig\u201d 5\u2009000\u202f000 shells"
    norm = normalize(raw)
    assert len(norm) == len(raw)
    assert "Russia's" in norm and "5\u00a0000\u00a0000" in norm


def test_markdown_blanking_keeps_offsets():
    raw = "# Title\n\nSee [the report](http://x/5-million) by **Reuters**."
    out = blank_markdown(raw)
    assert len(out) == len(raw)
    assert "http" not in out and "the report" in out and "**" not in out


def test_document_sentence_text_collapses_whitespace():
    doc = Document("a.txt", "One  line\nwraps here and goes on for quite a long while, like prose does in papers.")
    assert "  " not in doc.sentence_text(doc.sentences[0])


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_sentences_are_ordered_disjoint_and_inside_the_text(text):
    norm = normalize(text)
    prev_end = 0
    for s in split_sentences(norm):
        assert prev_end <= s.start < s.end <= len(norm)
        assert norm[s.start:s.end].strip() == norm[s.start:s.end]
        prev_end = s.end


@given(st.lists(st.sampled_from(["Putin went.", "He said 5 million.", "\n", "\n\n", " ", "U.S.", "x"]), max_size=50))
def test_positions_round_trip(parts):
    text = "".join(parts)
    starts = line_starts(text)
    for off in range(0, len(text), 3):
        line, col = position(starts, off)
        assert text.splitlines(keepends=True)[line - 1][col - 1] == text[off] if text[off] not in "\r\n" else True


_WORDS = st.sampled_from(["he", "She", "them", "their", "there", "thereby", "Ithe", "said", "x" * 40, "it.",
                          "It", ".", ",", "\n", "\n\n", "Mr.", "U.S.", "(he)", "3.5", "#", "-"])


@given(st.lists(_WORDS, max_size=150).map(" ".join), st.sampled_from([0, 7, 800]))
def test_sentence_matches_is_a_search_of_the_sentence_alone(text, repeat):
    """A search inside the document finds what a search of each sentence on its own would,
    including sentences cut inside a word because they ran too long."""
    import re

    from checker.context import _PERSON
    if repeat:
        text = text + " " + "word" * repeat + "he" + " and he " + text
    doc = Document("a.txt", text)
    for pattern in (_PERSON, re.compile(r"\bthere\b")):
        alone = {s.index for s in doc.sentences if pattern.search(doc.low[s.start:s.end])}
        assert {s.index for s in doc.sentences if doc.sentence_matches(pattern, s.index)} == alone


def test_a_sentence_cut_inside_a_word_is_searched_on_its_own():
    from checker.context import _PERSON
    doc = Document("a.txt", "x" * 3000 + "he said so. Then nothing.")
    cut = [s for s in doc.sentences if doc.low[s.start:s.end].startswith("he")]
    assert cut, "the long word is cut right before 'he'"
    assert doc.sentence_matches(_PERSON, cut[0].index)
