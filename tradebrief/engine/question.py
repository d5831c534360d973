"""What a question asks: its intent, the kind of answer, who it asks about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradebrief.engine.lexicon import Intent, Lexicon
from tradebrief.engine.text import analyze

__all__ = ["MAX_QUESTION_CHARS", "Prepared", "Question", "detect_intent", "prepare", "read"]

MAX_QUESTION_CHARS = 2000
"""Only this much of a question is analysed; longer text is not a question."""
_WORD_BOUNDARY_SEARCH = 200  # how far back from the limit a cut looks for a space


@dataclass(frozen=True, slots=True)
class Prepared:
    """A question made safe at the boundary, before anything reads it."""

    asked: str
    """The question as asked, with any lone surrogate replaced so it encodes as UTF-8."""
    text: str
    """The part that is read: all of it, or its head cut at a word boundary."""
    shortened: bool
    """Whether ``text`` is only the head of a question over :data:`MAX_QUESTION_CHARS`."""


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (which no JSON or UTF-8 can carry) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A surrogate pair typed as two code points joins up; a lone one becomes U+FFFD.
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def prepare(question: object) -> Prepared:
    """Check and clean a question at the boundary: its type, its encoding, its length.

    The length is cut first, at a word boundary, so nothing after this scans
    more than :data:`MAX_QUESTION_CHARS` characters of it.

    Raises:
        TypeError: ``question`` is not a ``str`` (the message names the type received).
        ValueError: it is empty or only white space.
    """
    if not isinstance(question, str):
        raise TypeError(
            f"a question must be str, not {type(question).__name__}"
            + (" (decode bytes first)" if isinstance(question, bytes | bytearray) else "")
        )
    shortened = len(question) > MAX_QUESTION_CHARS
    head = question[: MAX_QUESTION_CHARS + 1]
    if shortened:
        cut = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
        head = head[:cut] if cut >= MAX_QUESTION_CHARS - _WORD_BOUNDARY_SEARCH else head[:-1]
    text = _encodable(head)
    if not text.strip():
        raise ValueError("the question is empty; ask something about the briefing")
    return Prepared(asked=_encodable(question), text=text, shortened=shortened)


_SAY = re.compile(
    r"\b(?:say|says|said|tell|told|mention|mentioned|talk|talked|speak|spoke|comment|commented"
    r"|answer|answered|reply|replied|respond|responded|explain|explained"
    r"|views?|opinion|think|thinks|thought)\b",  # "What was Qin Yuelan's view on ...?"
    re.IGNORECASE,
)
_DEPUTY_WORD = re.compile(r"\b(?:vice|deputy|assistant|vise)\b", re.IGNORECASE)
_ASKED_NOUN_PHRASE = re.compile(r"\b(?:which|what)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
_ANSWER_TYPE = re.compile(r"\b(?:which|what|whose)\s+([a-z-]+)", re.IGNORECASE)


def _name_noun(question: str, lexicon: Lexicon) -> str:
    """The noun a which/what question asks a name for ("country"), or ""."""
    return next(
        (
            word
            for match in _ASKED_NOUN_PHRASE.finditer(question)
            if match[1].split()[0].casefold() not in ATTRIBUTE_WORDS
            for word in _noun_phrase(match[1].casefold().split(), lexicon)
            if word in lexicon.named_types
        ),
        "",
    )


def _noun_phrase(words: list[str], lexicon: Lexicon) -> list[str]:
    """The words of a phrase up to its first function word: "time" in "time must airlines"."""
    head: list[str] = []
    for word in words:
        if head and word in lexicon.stopwords:
            break  # "what time must airlines respond": the airlines are not what is asked
        head.append(word)
    return head


ATTRIBUTE_WORDS = frozenset(
    {"size", "sized", "kind", "sort", "type", "part"}
    | {"count", "number", "amount", "quantity", "total", "share", "proportion", "percentage"}
)
"""After which/what, words asking about an attribute ("what size country") or a quantity
("what count of countries"), not a name."""


def _answer_type(question: str, lexicon: Lexicon) -> str | None:
    """The noun a which/what question asks for ("which city"): what the answer supplies."""
    match = _ANSWER_TYPE.search(question)
    if match is None:
        return None
    terms = analyze(match[1], lexicon)
    word = match[1].casefold()
    # "which nation" asks what "which country" asks: read the word through its synonym.
    if not terms or (word not in lexicon.answer_types and terms[0] not in lexicon.answer_types):
        return None
    return terms[0]


def detect_intent(question: str, lexicon: Lexicon) -> Intent:
    """The kind of answer the question asks for, from its cue phrases."""
    folded = " " + " ".join(re.findall(r"[\w%'-]+", question.casefold())) + " "
    # "To whom ...", "who's doing ...": the question word behind a preposition or contraction.
    first_word = _LEADING_PREPOSITION.sub("", folded.strip()).split(" ")[0].removesuffix("'s")
    if first_word in _ASKS_WHO or _asks_which_post(folded, lexicon):
        # "who said it grew 98 percent" asks for a person, not a percentage; so does
        # "which vice minister briefed journalists"
        return Intent.WHO
    for intent in (Intent.ACRONYM, Intent.PERCENT, Intent.WHEN, Intent.WHO, Intent.HOW_MANY):
        cues = lexicon.intents.get(intent, ())
        if intent is Intent.WHEN and _WITHIN_WHAT_TIME.search(folded):
            continue  # "within what time must airlines reply" asks how long, not when
        if intent is Intent.WHEN and first_word in _OTHER_QUESTION_WORDS:
            # "what happens when prices fall": a "when" inside another question is a conjunction
            cues = tuple(cue for cue in cues if cue != "when")
        if any(f" {cue} " in folded or (cue == "%" and "%" in folded) for cue in cues):
            asks_for_people = first_word in ("who", "whom", "whose", "which", "name", "list")
            if intent is Intent.WHO and not asks_for_people:
                continue  # "spokesperson" in "what did the spokesperson say" is no who-question
            return intent
    return Intent.OTHER


_ASKS_WHO = frozenset({"who", "whom", "whose"})
_AUXILIARIES = frozenset({"will", "won't", "shall", "would", "am", "be", "been", "being"})
_WITHIN_WHAT_TIME = re.compile(r" (?:within|in) what time ")
_LEADING_PREPOSITION = re.compile(r"^(?:to|for|by|with|from) (?=who)")
_WHICH_NOUN = re.compile(r"^ (?:which|what) (?:(\w+) )?(\w+)")


def _asks_which_post(folded: str, lexicon: Lexicon) -> bool:
    """Whether it opens "which (vice) minister ...": a person is asked for by post."""
    match = _WHICH_NOUN.search(folded)
    return match is not None and bool({match[1], match[2]} & lexicon.posts)


_OTHER_QUESTION_WORDS = frozenset({"what", "how", "which", "where", "why", "who", "whom", "whose"})
_COUNTED = re.compile(r"\b(?:how many|number of|count of|total number of)\s+((?:[\w-]+\s*){1,4})")
_LIST = re.compile(
    # "list" asks for a list as a verb or heading ("List of the measures"), not as a noun
    # ("placed on the list of defaulters").
    r"^\s*list\b|(?<!the )(?<!a )\b(?:list(?! of\b)|name all|name the|enumerate|one by one"
    r"|each of the|what (?:exactly )?are the"
    r"|what (?:exactly )?do(?:es)? the [\w\s-]{1,60} (?:contain|include|consist of|involve"
    r"|entail|comprise|cover))\b"
    # "the fifth of the 16 measures": one item of a list, which only a list can give
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r" (?:one )?of the\b"
)
_REASON = re.compile(r"^\s*why\b|\b(?:for what reason|what caused|what led to)\b")
_PART = re.compile(r"\bhow (?:many|much) of (?:the|these|those|its|their|all)\b")
_CURRENCY = frozenset({"yuan", "dollars"})  # dimensions of the lexicon asked for by currency
_SAYS_PERCENT = re.compile(r"percent|%|\bpct\b|proportion|\bshare\b|\brate\b")
_YES_NO = re.compile(r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|could|will)\b")


@dataclass(frozen=True, slots=True)
class Question:
    """What a question asks for, read once and typed, for ranking and deciding."""

    text: str
    """The question as read (head only, casual spellings made plain)."""
    intent: Intent
    """Who, when, how many, what percentage, an acronym, or other."""
    dimension: str | None
    """The kind of quantity wanted, a key of the lexicon's ``dimensions`` ("weight")."""
    slot: str | None
    """Which figure about a thing: "total", "increase" or "threshold"."""
    wants_name: bool
    """Whether it asks "which country" or the like, so the answer must name one."""
    name_noun: str
    """The noun it asks a name for ("country"); "" if it asks for none."""
    wants_list: bool
    """Whether it asks for a list ("list the 16 measures")."""
    wants_reason: bool
    """Whether it asks why."""
    yes_no: bool
    """Whether it asks for a yes or a no ("Did trade grow?")."""
    part: bool
    """Whether it asks how many of a group ("how many of the measures ..."): a part of it."""


def _folded(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w%'-]+", text.casefold())) + " "


def _dimension(folded: str, lexicon: Lexicon) -> str | None:
    asks, counts = _cue_tables(lexicon)
    found = [order for cue, order in asks.items() if cue in folded]
    counted = " " + " ".join(" ".join(m[1].split()) for m in _COUNTED.finditer(folded)) + " "
    if counted.strip():
        found += [order for cue, order in counts.items() if cue in counted]
    if not found:
        return None
    return list(lexicon.dimensions)[min(found)]


_CUE_TABLES: dict[int, tuple[Lexicon, dict[str, int], dict[str, int]]] = {}


def _cue_tables(lexicon: Lexicon) -> tuple[dict[str, int], dict[str, int]]:
    """Padded cue phrase → the dimension's position, for asks and for counts; built once."""
    tables = _CUE_TABLES.get(id(lexicon))
    if tables is None or tables[0] is not lexicon:
        asks: dict[str, int] = {}
        counts: dict[str, int] = {}
        for order, dimension in enumerate(lexicon.dimensions.values()):
            for cue in dimension.asks:
                asks.setdefault(f" {cue} ", order)
            for cue in dimension.counts:
                counts.setdefault(f" {cue} ", order)
        tables = _CUE_TABLES[id(lexicon)] = (lexicon, asks, counts)
    return tables[1], tables[2]


def _slot(folded: str, lexicon: Lexicon) -> str | None:
    # "the total (not the increase)": a slot named after a negation is the one not wanted.
    wanted = _UNWANTED.sub(" ", folded)
    for key, cues in lexicon.slots.items():
        if any(f" {cue} " in wanted for cue in cues):
            return key
    return None


_UNWANTED = re.compile(
    r"\b(?:not|rather than|instead of|as distinct from|as opposed to|other than)"
    r"(?:\s+(?:as|in))?(?:\s+(?:the|a|an|its|their))?\s+(?:[a-z-]+|%)",
    re.IGNORECASE,
)


def asks_yes_no(text: str) -> bool:
    """Whether ``text`` asks for a yes or a no: "Did trade grow?", "Is China ...?"."""
    return _YES_NO.search(_folded(text)) is not None


def asked_noun(text: str, lexicon: Lexicon) -> str:
    """The noun a which/what question asks for ("Which organization held it?"), or ""."""
    match = _ANSWER_TYPE.search(text)
    if match is None or (noun := match[1].casefold()) in lexicon.stopwords:  # "what was ..."
        return ""
    return "" if noun in _AUXILIARIES else noun  # "what will trade be": no noun asked


# "Who told reporters ...": the audience of any briefing, not a word a passage must have.
_TOLD_THE_PRESS = re.compile(
    r"\b(?:told|tell|tells|informed|briefed)\s+(?:the\s+)?(?:reporters|journalists|press|media)\b",
    re.IGNORECASE,
)


def counted_noun(text: str, lexicon: Lexicon) -> str:
    """What a "how many" question counts ("passengers" in "how many passengers crossed"), or "".

    The words after "how many" up to a function word or a verb in the past ("crossed",
    "did"), at most three: "declaration documents", "new energy vehicles".
    """
    match = _COUNTED.search(text.casefold())
    if match is None:
        return ""
    words: list[str] = []
    for word in match[1].split()[:_COUNTED_WORDS]:
        people = word in lexicon.attendees or word in lexicon.posts  # "officials" is a stopword
        if (word in lexicon.stopwords and not people) or (words and word.endswith("ed")):
            break
        words.append(word)
    return " ".join(words)


_COUNTED_WORDS = 3


def without_unwanted(text: str) -> str:
    """``text`` without what it rules out: "the increase, not the pct" → "the increase, ".

    "Told reporters" is read as "said": every briefing is told to reporters.

    A figure named after a negation ("the total (not the increase)", "in yuan
    rather than as a percentage") is the one the question rules out, so its
    words must neither match nor set the kind of answer.
    """
    return _TOLD_THE_PRESS.sub("said", _UNWANTED.sub(" ", text))


def read(text: str, lexicon: Lexicon) -> Question:
    """The typed reading of ``text`` (already cut and tidied): what kind of answer it wants.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"read() needs the question as str, not {type(text).__name__}")
    folded = _folded(text)
    yes_no = _YES_NO.search(folded) is not None
    dimension = None if yes_no else _dimension(folded, lexicon)  # "was it worth a lot?"
    intent = detect_intent(text, lexicon)
    if intent is Intent.PERCENT and dimension in _CURRENCY and not _SAYS_PERCENT.search(folded):
        # "the year-on-year increment, in yuan": the period is year on year, the unit money.
        intent = Intent.HOW_MANY
    elif intent is Intent.PERCENT and dimension == "money" and _SAYS_PERCENT.search(folded):
        # "what proportion of total trade": the total is the whole, the share is the answer.
        dimension = None
    return Question(
        text=text,
        intent=intent,
        dimension=dimension,
        slot=_slot(folded, lexicon),
        wants_name=bool(noun := _name_noun(text, lexicon)),
        name_noun=noun,
        wants_list=_LIST.search(folded) is not None,
        wants_reason=_REASON.search(folded) is not None,
        yes_no=yes_no,
        part=_PART.search(folded) is not None,
    )


def slot_of(name: str, lexicon: Lexicon) -> str:
    """The slot a fact's name puts it in ("Increment in foreign trade" → "increase"), or ""."""
    return _slot(_folded(name), lexicon) or ""
