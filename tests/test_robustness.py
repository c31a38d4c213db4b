"""The engine never crashes on text: any mix of news words, numbers, dates and punctuation gives results."""
import datetime as dt

from hypothesis import given, settings, strategies as st

from checker.engine import findings_for, results_for
from checker.factbase import load_factbase
from checker.text import Document
from helpers import ROOT

FB = load_factbase(str(ROOT / "facts.yaml"))
WORDS = ["Putin", "North Korea", "Pyongyang", "Vietnam", "Kim", "Defense Minister", "First Deputy",
         "Prime Minister", "Andrei", "Belousov", "Shoigu", "shells", "rounds", "$", "billion", "million",
         "nearly", "about", "more than", "up to", "as many as", "between", "and", "to", "-", "–", "since",
         "first since", "in", "on", "June", "July", "September", "Tuesday", "18", "19", "2000", "2024",
         "24 years", "ago", "last", "he", "there", "said", "could", "denied", "not", ",", ".", ";", "?",
         "\n", "\n\n", "(", ")", "\"", "'s", "of the", "the", "Russian", "South Korean", "former", "is",
         "became", "5", "5,000,000", "half a", "several", "dozens of", "1961", "treaty", "adopted", "#", "**"]


@given(st.lists(st.sampled_from(WORDS), max_size=80), st.booleans(), st.booleans())
@settings(max_examples=150)
def test_any_news_like_text_gives_one_result_per_fact(words, dated, markdown):
    text = " ".join(words)
    doc = Document("x.md", text, dt.date(2024, 6, 17) if dated else None, markdown=markdown)
    results = results_for(FB, doc, findings_for(FB, doc))
    assert [r.fact for r in results] == [f.id for f in FB.facts]
    for r in results:
        if r.evidence is not None:
            assert text[r.evidence.start:r.evidence.end] == r.stated


@given(st.text(max_size=300))
@settings(max_examples=150)
def test_any_text_at_all(text):
    doc = Document("x.txt", text, dt.date(2024, 6, 17))
    assert len(results_for(FB, doc, findings_for(FB, doc))) == len(FB.facts)
