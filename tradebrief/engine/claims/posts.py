"""Posts and bodies on a roster title, as a claim about a person names them.

Part of checking a claim about the roster (:mod:`tradebrief.engine.claims.roster`).
A title such as "deputy director general of the Press Bureau of the SCIO and
spokesperson of the SCIO" holds posts ("deputy director general", "spokesperson"),
each of a body or a part of one. :func:`posts_of` lists the posts any title of a
briefing gives, beside the posts the words file knows, so "vice administrator"
is read as a post on a briefing that has one. :func:`judge_head` reads "deputy
head" and "head" against a title's leading posts, and :func:`judge_body` a claim
that someone represented a body the briefing may never name ("the Ministry of
Commerce"): the title names the person's body, so another government body is No.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradebrief.answer import Verdict
from tradebrief.engine.claims.words import claim_words, has_phrase, require_text, words_of
from tradebrief.model import Briefing, Person

__all__ = [
    "TitlePost",
    "claimed_body",
    "judge_body",
    "judge_head",
    "posts_of",
    "title_names_body",
    "title_posts",
]

_MAX_POST_WORDS = 4  # "deputy director general" is three; a longer run is no post


@dataclass(frozen=True, slots=True)
class TitlePost:
    """One post of a title: its base ("administrator"), whether deputy, and of what."""

    base: str
    deputy: bool
    of: str
    """What the post is of, as written: "the Press Bureau of the SCIO"; "" if nothing."""


def title_posts(title: str) -> list[TitlePost]:
    """The posts a roster title gives, in order.

    Example:
        >>> [(p.base, p.deputy) for p in title_posts("vice administrator of the NEA")]
        [('administrator', True)]
    """
    require_text(title, "the title")
    deputy = claim_words().deputy
    found: list[TitlePost] = []
    for segment in re.split(
        r"\s+and\s+(?=(?:the\s+)?[a-z][\w-]*(?:\s+[\w-]+){0,3}\s+of\b)|,", title
    ):
        head, _, rest = segment.strip().partition(" of ")
        words = words_of(head)
        if not words or len(words) > _MAX_POST_WORDS or any(c.isdigit() for c in head):
            continue
        is_deputy = words[0] in deputy
        base = " ".join(words[1:] if is_deputy else words)
        if base:
            found.append(TitlePost(base, is_deputy, rest.strip()))
    return found


def posts_of(briefing: Briefing) -> tuple[str, ...]:
    """The posts a claim may name: the words file's, and every base post on the roster."""
    posts = dict.fromkeys(claim_words().posts)
    for person in briefing.people:
        for post in title_posts(person.title):
            if not re.search(r"[^\w\s-]", post.base):  # "(nea)" is no post
                posts[post.base] = None
    return tuple(sorted(posts, key=len, reverse=True))


def judge_head(question: str, person: Person) -> Verdict | None:
    """Judge "Is X a (deputy) head of ...?" against the title's leading posts; else ``None``.

    A claimed head is a leading post ("minister", "administrator", "director
    general") that is not a deputy's, a claimed deputy head a deputy's leading
    post: Yes. A head claimed of a deputy (or the reverse), or of a part the
    claim does not name ("deputy director general of the Press Bureau" for
    "deputy head of the SCIO"), is not stated: "head" is loose in English.
    """
    words = claim_words()
    text = question.casefold()
    deputy = "|".join(re.escape(d) for d in words.deputy)
    heads = "|".join(re.escape(h) for h in words.head_words)
    found = re.search(rf"\b(?:(?P<deputy>{deputy})\s+)?(?:{heads})\b(?!\s+(?:of\s+)?state)", text)
    if found is None:
        return None
    claimed_deputy = found["deputy"] is not None
    claimed_of = text[found.end() :]
    leading = [p for p in title_posts(person.title) if p.base in words.leading_posts]
    if not leading:
        return None
    same = [p for p in leading if p.deputy == claimed_deputy]
    if not same:  # a deputy's post does not say who heads the body, nor the reverse in words
        return Verdict.NOT_STATED
    for post in same:
        part = next((k for k in words.office_parts if has_phrase(post.of, k)), None)
        if part is None or has_phrase(claimed_of, part) or not claimed_of.strip(" ?"):
            return Verdict.YES
    return Verdict.NOT_STATED


def claimed_body(question: str, after: int) -> str:
    """The body a claim names after ``after`` (the end of "represent", "work for"): "" if none.

    "... represent the Ministry of Commerce at the briefing?" gives "Ministry of Commerce".
    """
    rest = re.split(r"\s+(?:at|in|during|on|when|while|as)\s+|[?,.;]", question[after:])[0]
    rest = re.sub(r"^\s*(?:the\s+)", "", rest.strip(), flags=re.IGNORECASE)
    words = claim_words()
    if not any(has_phrase(rest, w) for w in words.body_words):
        return ""
    return rest


def title_names_body(title: str, body: str) -> bool:
    """Whether a title names ``body`` by the words that set it apart.

    "vice minister of culture and tourism" names the Ministry of Culture and
    Tourism: "culture" and "tourism" are in it ("ministry", "of" and the like
    set no body apart).
    """
    words = claim_words()
    generic = {*words.body_words, *words.claim_stopwords, *words.body_generic}
    own = [w for w in words_of(body) if w not in generic]
    return bool(own) and all(has_phrase(title, w) for w in own)


def judge_body(question: str, body: str, person: Person, briefing: Briefing) -> Verdict:
    """Whether ``person`` is of ``body``, by the body's own words in the title.

    "Ministry of Agriculture and Rural Affairs" is the title's "minister of
    agriculture and rural affairs" (the words that name it, less "ministry",
    "of" and the like, are all there): Yes. A government body whose words the
    title lacks is another body, when the title names one: No. Else not stated.
    """
    words = claim_words()
    acronym = body.strip() if re.fullmatch(r"[A-Z]{2,8}", body.strip()) else ""
    title = person.title
    named = " ".join(
        [
            title,
            *(o.name for o in briefing.organizations if o.acronym and has_phrase(title, o.acronym)),
        ]
    )
    if acronym and has_phrase(named, acronym):
        return Verdict.YES
    if title_names_body(named, body):
        return Verdict.YES
    names_a_body = any(has_phrase(title, w) for w in (*words.body_words, "minister"))
    return Verdict.NO if names_a_body else Verdict.NOT_STATED
