"""Claims and derived figures: the "decide" stage for yes/no claims and computed answers.

A journalist's claim ("Did trade top 46 trillion yuan?") gets a verdict from
:func:`answer_claim`; a figure the briefing implies but does not state ("What
was trade in 2023?") is computed by :func:`answer_derivation`, with every input
cited verbatim. Both return ``None`` when the question is not theirs, and the
engine answers it as an ordinary question.

Modules: :mod:`~tradebrief.engine.claims.words` and :mod:`~tradebrief.engine.claims.numbers`
read a claim; :mod:`~tradebrief.engine.claims.picking` chooses the stated figure it
is about, :mod:`~tradebrief.engine.claims.clauses` reads that figure's clause and
:mod:`~tradebrief.engine.claims.overlap` weighs the claim's subject words against its
words; :mod:`~tradebrief.engine.claims.facts`,
:mod:`~tradebrief.engine.claims.roster` (with :mod:`~tradebrief.engine.claims.offices`
for a person's post and office) and :mod:`~tradebrief.engine.claims.statements`
judge it against the typed facts, the roster and title, and the briefing's words;
:mod:`~tradebrief.engine.claims.verdict` puts them in order;
:mod:`~tradebrief.engine.claims.arithmetic`, :mod:`~tradebrief.engine.claims.averages`,
:mod:`~tradebrief.engine.claims.shares`, :mod:`~tradebrief.engine.claims.gaps` and
:mod:`~tradebrief.engine.claims.derive` compute derived figures, and
:mod:`~tradebrief.engine.claims.missing` refuses one whose input the briefing lacks;
:mod:`~tradebrief.engine.claims.occasion` judges the date and the part of the day,
:mod:`~tradebrief.engine.claims.direction` whether trade rose or set a record,
:mod:`~tradebrief.engine.claims.headcount` a count of the people on the roster;
:mod:`~tradebrief.engine.claims.vocabulary` is the shape of the words file;
:mod:`~tradebrief.engine.claims.subjects` tells when a question is about something
narrower than a figure measures; :mod:`~tradebrief.engine.claims.unsettled` gives a
claim no rule could judge its ``not_stated`` verdict.
"""

from __future__ import annotations

from tradebrief.engine.claims.derive import answer_derivation
from tradebrief.engine.claims.missing import missing_subject
from tradebrief.engine.claims.unsettled import settle_unjudged
from tradebrief.engine.claims.verdict import answer_claim

__all__ = ["answer_claim", "answer_derivation", "missing_subject", "settle_unjudged"]
