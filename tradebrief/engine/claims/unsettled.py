"""A yes/no claim the rules cannot judge still gets a verdict: not stated, with what is said.

:func:`~tradebrief.engine.claims.verdict.answer_claim` returns ``None`` for a
claim none of its rules can judge, and the engine answers it as an ordinary
question. :func:`settle_unjudged` then turns that ordinary answer into a
``not_stated`` verdict: a confident Yes or No needs a rule that read the
deciding figure or words, so without one the honest verdict is that the
briefing does not settle the claim. The ordinary answer's quote, when there is
one, stays as what the briefing does state, and so does its ``found``: the
passage still answers the question as asked, even though it decides nothing.
"""

from __future__ import annotations

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.words import is_claim, require_text

__all__ = ["settle_unjudged"]

_DECLINED = "The briefing does not say."


def settle_unjudged(question: str, answer: Answer) -> Answer:
    """``answer`` with a ``not_stated`` verdict when ``question`` is a claim; else unchanged.

    An answer that already has a verdict, or carries a derivation, is returned
    as it is.

    Example:
        >>> from tradebrief import Answer
        >>> plain = Answer(question="q", found=True, text="Trade grew.", score=0.7)
        >>> settled = settle_unjudged("Did trade grow in a balanced way?", plain)
        >>> settled.verdict.value, settled.text.endswith("It says: Trade grew.")
        ('not_stated', True)
        >>> settle_unjudged("How did trade grow?", plain).verdict is None
        True
    """
    require_text(question)
    if not isinstance(answer, Answer):
        raise TypeError(f"the answer must be an Answer, not {type(answer).__name__}")
    if answer.verdict is not None or answer.derivation is not None or not is_claim(question):
        return answer
    if answer.found:
        text = f"The briefing does not settle the claim in so many words. It says: {answer.text}"
    else:
        reason = answer.text.removeprefix(_DECLINED).strip()
        text = f"{_DECLINED} {reason}".strip()
    return answer.model_copy(update={"verdict": Verdict.NOT_STATED, "text": f"Not stated. {text}"})
