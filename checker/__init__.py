"""checker: a fact-consistency test harness for news text.

A fact base (facts.yaml) is checked against source texts; each (fact, source)
pair gets one status: match, contradiction or gap.
"""
__version__ = "0.1.0"
