"""The answering engine: question → ranked candidates → decision → an Answer.

Each stage is a module that can be tested and measured alone:

- :mod:`~tradebrief.engine.question` reads what a question asks;
- :mod:`~tradebrief.engine.index` holds a briefing's candidates (built by
  :mod:`~tradebrief.engine.candidates`) with postings and term matching;
- :mod:`~tradebrief.engine.rank` scores candidates for a question;
- :mod:`~tradebrief.engine.decide` answers or declines, with the true reason;
- :mod:`~tradebrief.engine.compose` builds the answer and its verbatim citations.

The model (:mod:`tradebrief.model`) imports none of them; the search index of
a briefing is cached here, keyed by the briefing's identity.
"""

from __future__ import annotations

from tradebrief.engine.decide import FOUND_THRESHOLD, answer_question
from tradebrief.engine.index import SearchIndex, index_for

__all__ = ["FOUND_THRESHOLD", "SearchIndex", "answer_question", "index_for"]
