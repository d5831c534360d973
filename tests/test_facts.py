"""Curated facts: the bundled ones checked against the source text, and bad facts files."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import tradebrief
from tradebrief import (
    AmbiguousQuoteError,
    Answer,
    Briefing,
    ChangeBasis,
    FactsFileError,
    Metric,
    PolicyMeasure,
    Qualifier,
    QuoteNotFoundError,
    Scale,
    Statement,
    TradebriefError,
    TranscriptError,
    attach_facts,
    parse_facts,
    parse_transcript,
)
from tradebrief.load import bundled_paths, read_exact
from tradebrief.spans import Span

HERE = Path(__file__).parent
ENERGY = HERE / "transcripts" / "press_energy.txt"
ENERGY_FACTS = HERE / "data" / "press_energy_facts.toml"
WANG = "wang-lingjun"


@pytest.fixture(scope="module")
def source() -> str:
    return read_exact(bundled_paths()[0])


@pytest.fixture(scope="module")
def b(source: str) -> Briefing:
    return attach_facts(parse_transcript(source), parse_facts(read_exact(bundled_paths()[1])))


@pytest.fixture(scope="module")
def source_paragraphs(source: str) -> list[str]:
    """The body's paragraphs, cut from the page without the parser: label lines dropped."""
    body = source[source.index("Xing Huina:\n") : source.index("1\xa0\xa02\xa0\xa03")]
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    return [line for line in lines if line not in {"Xing Huina:", "Wang Lingjun:"}]


# ------------------------------------------------- reading a figure from its words ---

_FIGURE = re.compile(r"(?P<dollar>\$)?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s(?P<scale>[a-z]+illion))?")


def figure_in(words: str) -> tuple[Decimal, Scale]:
    """The one figure written in ``words``, read by the test itself (not by tradebrief)."""
    found = _FIGURE.findall(words)
    assert len(found) == 1, f"expected one figure in {words!r}, found {found}"
    _, number, scale = found[0]
    return Decimal(number.replace(",", "")), Scale[scale.upper()] if scale else Scale.ONE


def unit_in(words: str, unit: str) -> bool:
    """Whether ``words`` state ``unit``: a currency by its word or sign, else the noun itself."""
    spelled = {"CNY": "yuan", "USD": "$", "metric_ton": "metric tons", "percent": "%"}
    return spelled.get(unit, unit) in words


# ------------------------------------------------------------- the bundled metrics ---

# id -> (quantity words, value, scale, unit, qualifier, period); all copied from the page.
METRICS = {
    "declaration-forms": ("88.38 million forms", "88.38", Scale.MILLION, "forms", "exact", "2024"),
    "threshold-42-trillion": ("42 trillion yuan", "42", Scale.TRILLION, "CNY", "exact", "2024"),
    "threshold-43-trillion": ("43 trillion yuan", "43", Scale.TRILLION, "CNY", "exact", "2024"),
    "total-trade": ("43.85 trillion yuan", "43.85", Scale.TRILLION, "CNY", "exact", "2024"),
    "trade-increment": ("2.1 trillion yuan", "2.1", Scale.TRILLION, "CNY", "exact", "2024"),
    "trading-partners": (
        "more than 150 countries and regions",
        "150",
        Scale.ONE,
        "countries and regions",
        "more_than",
        None,
    ),
    "goods-supervised": (
        "5.603 billion metric tons",
        "5.603",
        Scale.BILLION,
        "metric_ton",
        "exact",
        "2024",
    ),
    "vehicle-crossings": (
        "39.917 million vehicle crossings",
        "39.917",
        Scale.MILLION,
        "vehicle crossings",
        "exact",
        "2024",
    ),
}


@pytest.mark.parametrize("fact_id", sorted(METRICS))
def test_metric_against_the_source(
    b: Briefing, source: str, source_paragraphs: list[str], fact_id: str
) -> None:
    words, value, scale, unit, qualifier, period = METRICS[fact_id]
    metric = b.metrics[fact_id]
    assert isinstance(metric, Metric)
    quantity = metric.quantity
    # The quantity is these words, at an exact place in the page, inside the evidence.
    assert quantity.span.quote == words
    assert source[quantity.span.start : quantity.span.end] == words
    assert source[metric.evidence.start : metric.evidence.end] == metric.evidence.quote
    assert metric.evidence.contains(quantity.span)
    # Its reading agrees with what the words say, read independently of tradebrief.
    assert (quantity.value, quantity.scale) == (Decimal(value), scale) == figure_in(words)
    assert quantity.amount == Decimal(value) * 10 ** int(scale)
    assert quantity.unit == unit and unit_in(words, unit)
    assert quantity.qualifier == Qualifier(qualifier)
    assert (qualifier == "more_than") == ("more than" in words)
    assert metric.period == period
    # "record" is set exactly where the evidence says so.
    assert metric.record == ("record" in metric.evidence.quote)
    # Who said it and where: the paragraph cut from the page without the parser.
    assert metric.speaker == WANG
    holding = [n for n, text in enumerate(source_paragraphs, 1) if metric.evidence.quote in text]
    assert holding == [metric.paragraph]
    assert b.paragraphs[str(metric.paragraph)].span.contains(metric.evidence)
    assert b.speaker_of(metric.paragraph).id == WANG


def test_total_trade(b: Briefing) -> None:
    total = b.metrics["total-trade"]
    assert total.quantity.amount == Decimal("43850000000000")
    assert total.quantity.describe() == "43.85 trillion yuan"
    assert total.record is True
    assert total.change is not None
    change = total.change
    assert change.span.quote == "up 5% year on year"
    assert total.evidence.contains(change.span)
    assert (change.value, change.unit, change.basis) == (
        Decimal(5),
        "percent",
        ChangeBasis.YEAR_ON_YEAR,
    )
    assert figure_in(change.span.quote) == (abs(change.value), Scale.ONE)
    assert change.direction == "up" and change.span.quote.startswith("up ")
    assert change.describe() == "up 5% year on year"
    assert "Last year" in total.evidence.quote  # the period 2024 is "last year" on Jan. 13, 2025


def test_42_trillion_threshold_has_its_dollar_equivalent(b: Briefing, source: str) -> None:
    metric = b.metrics["threshold-42-trillion"]
    equivalent = metric.equivalent
    assert equivalent is not None
    assert equivalent.span.quote == "$5.74 trillion"
    assert source[equivalent.span.start : equivalent.span.end] == "$5.74 trillion"
    assert metric.evidence.contains(equivalent.span)
    # the conversion follows the yuan figure in brackets
    assert source[metric.quantity.span.end : equivalent.span.start] == " ("
    assert (equivalent.value, equivalent.scale, equivalent.unit) == (
        Decimal("5.74"),
        Scale.TRILLION,
        "USD",
    )
    assert equivalent.amount == Decimal("5740000000000")
    assert equivalent.describe() == "$5.74 trillion"


def test_only_the_facts_that_state_a_change_or_equivalent_have_one(b: Briefing) -> None:
    assert [m.id for m in b.metrics if m.change is not None] == ["total-trade"]
    assert [m.id for m in b.metrics if m.equivalent is not None] == ["threshold-42-trillion"]
    assert [m.id for m in b.metrics if m.record] == ["total-trade"]


# ------------------------------------------------------------ measures and statements ---


def spans_of(fact: Metric | PolicyMeasure | Statement) -> list[Span]:
    spans = [fact.evidence]
    if isinstance(fact, Metric):
        spans += [s.span for s in (fact.quantity, fact.change, fact.equivalent) if s is not None]
    if isinstance(fact, PolicyMeasure):
        spans += [fact.count.span] if fact.count else []
        spans += [*fact.aims, *fact.scope]
    return spans


def test_every_fact_span_is_an_exact_slice_inside_its_evidence(b: Briefing, source: str) -> None:
    assert len(b.facts) >= 15
    for fact in b.facts:
        evidence, *inner = spans_of(fact)
        assert source[evidence.start : evidence.end] == evidence.quote
        assert source.count(evidence.quote) == 1, fact.id
        assert b.paragraphs[str(fact.paragraph)].span.contains(evidence), fact.id
        assert b.paragraphs[str(fact.paragraph)].speaker == fact.speaker
        for span in inner:
            assert source[span.start : span.end] == span.quote, fact.id
            assert evidence.contains(span), f"{fact.id}: {span.quote!r} outside its evidence"


@pytest.mark.parametrize(
    ("fact_id", "count"),
    [
        ("customs-clearance-measures", ("16 measures", "16", "measures", "exact")),
        ("cross-border-trade-cities", ("20 cities", "20", "cities", "exact")),
        ("regional-development-measures", ("hundreds of measures", "100", "measures", "several")),
        ("hainan-open-platforms", None),
        ("smart-customs", None),
        ("smart-customs-strong-nation", None),
    ],
)
def test_measure_count(
    b: Briefing, source_paragraphs: list[str], fact_id: str, count: tuple[str, ...] | None
) -> None:
    measure = b.measures[fact_id]
    assert isinstance(measure, PolicyMeasure)
    assert measure.speaker == WANG
    holding = [n for n, text in enumerate(source_paragraphs, 1) if measure.evidence.quote in text]
    assert holding == [measure.paragraph]
    if count is None:
        assert measure.count is None
        return
    assert measure.count is not None
    words, value, unit, qualifier = count
    assert measure.count.span.quote == words
    assert (measure.count.value, measure.count.unit) == (Decimal(value), unit)
    assert measure.count.qualifier == Qualifier(qualifier)
    if qualifier == "exact":
        assert figure_in(words) == (Decimal(value), Scale.ONE)
    else:
        assert words.startswith("hundreds")  # several hundred: at least 100, not exactly


def test_customs_clearance_measures(b: Briefing) -> None:
    measure = b.measures["customs-clearance-measures"]
    assert "for enterprises to facilitate customs clearance" in measure.evidence.quote
    assert [a.quote for a in measure.aims] == ["further improve the business environment at ports"]


def test_cross_border_trade_cities_aim_at_a_business_environment(b: Briefing) -> None:
    measure = b.measures["cross-border-trade-cities"]
    assert "to facilitate cross-border trade" in measure.evidence.quote
    assert len(measure.aims) == 1
    assert "business environment at ports" in measure.aims[0].quote
    assert measure.aims[0].quote.startswith("a market-oriented, law-based, international")


def test_regional_development_names_the_three_regions(b: Briefing) -> None:
    measure = b.measures["regional-development-measures"]
    scope = [s.quote for s in measure.scope]
    assert len(scope) == 3
    for region in ("Northeast China", "the central region", "the western region"):
        assert sum(region in s for s in scope) == 1, region
    assert [a.quote for a in measure.aims] == ["enhance the combined effect of the policies"]


def test_hainan_open_platforms(b: Briefing) -> None:
    measure = b.measures["hainan-open-platforms"]
    assert [s.quote for s in measure.scope] == [
        "Hainan Free Trade Port",
        "Hainan Pilot Free Trade Zone",
    ]
    assert "open platforms" in measure.evidence.quote


def test_smart_customs(b: Briefing) -> None:
    measure = b.measures["smart-customs"]
    assert "Smart Customs initiative" in measure.evidence.quote
    assert measure.aims and "intercepting epidemics and diseases" in measure.aims[0].quote


def test_smart_customs_strong_nation_has_four_aims(b: Briefing, source: str) -> None:
    measure = b.measures["smart-customs-strong-nation"]
    assert '"Smart Customs, Strong Nation" initiative' in measure.evidence.quote
    aims = [a.quote for a in measure.aims]
    assert aims == [
        "promote reform with greater force",
        "ensure safety with stricter supervision",
        "stabilize foreign trade with more practical measures",
        "promote opening up with higher standards",
    ]
    # the four aims are the four clauses of one sentence of the page, in order
    sentence = "We will " + ", ".join(aims[:3]) + ", and " + aims[3] + "."
    assert sentence in source


def test_last_declaration_form(b: Briefing, source_paragraphs: list[str]) -> None:
    statement = b.statements["last-declaration-form"]
    assert isinstance(statement, Statement)
    for word in ("translation earbuds", "Shenzhen", "Japan"):
        assert word in statement.evidence.quote
    assert statement.speaker == WANG
    assert source_paragraphs[statement.paragraph - 1].startswith(
        "Let me begin with a customs declaration form"
    )
    assert b.metrics["declaration-forms"].paragraph == statement.paragraph


def test_every_answer_figure_is_in_its_evidence(b: Briefing) -> None:
    for fact in b.facts:
        for number in re.findall(r"\d[\d,.]*\d|\d", fact.answer):
            assert number in fact.evidence.quote or number == getattr(fact, "period", None), (
                f"{fact.id}: {number}"
            )


# ---------------------------------------------------------------- bad facts files ---


@pytest.fixture(scope="module")
def energy() -> Briefing:
    return parse_transcript(read_exact(ENERGY))


@pytest.fixture(scope="module")
def energy_facts() -> str:
    return read_exact(ENERGY_FACTS)


def attach(energy: Briefing, text: str) -> Briefing:
    return attach_facts(energy, parse_facts(text, origin="bad.toml"), origin="bad.toml")


def test_energy_facts_attach(energy: Briefing, energy_facts: str) -> None:
    briefing = attach(energy, energy_facts)
    capacity = briefing.metrics["installed-capacity"]
    assert capacity.quantity.amount == Decimal("2710000000")
    assert capacity.change is not None and capacity.change.describe() == "up 10.8% year on year"
    assert capacity.speaker == "zhao-meiling"
    assert briefing.metrics["coal-inventories"].quantity.qualifier is Qualifier.MORE_THAN
    assert briefing.measures["grid-projects"].count is not None
    assert [s.id for s in briefing.statements] == ["solar-utilization"]


def test_toml_syntax_error(energy_facts: str) -> None:
    broken = energy_facts.replace("[[measures]]", "[[measures]", 1)
    with pytest.raises(FactsFileError, match=r"bad\.toml: not valid TOML: .*line \d+"):
        parse_facts(broken, origin="bad.toml")


@pytest.mark.parametrize("bad_value", ["2.71", "3", "true", "[2.71]"])
def test_value_of_the_wrong_type_names_the_fact(energy_facts: str, bad_value: str) -> None:
    text = energy_facts.replace('value = "2.71"', f"value = {bad_value}", 1)
    assert text != energy_facts
    with pytest.raises(FactsFileError) as caught:
        parse_facts(text, origin="bad.toml")
    message = str(caught.value)
    assert message.startswith("TB200: bad.toml: ")
    assert "metrics[0] (fact 'installed-capacity').quantity.value" in message
    assert "string" in message


def test_wrong_type_in_a_later_entry_names_its_index(energy_facts: str) -> None:
    text = energy_facts.replace('value = "300"', "value = 300", 1)
    with pytest.raises(FactsFileError, match=r"measures\[0\] \(fact 'grid-projects'\)\.count"):
        parse_facts(text)


def test_record_of_the_wrong_type(energy_facts: str) -> None:
    text = energy_facts.replace('period = "first half of 2023"', 'record = "maybe"', 1)
    with pytest.raises(FactsFileError, match=r"metrics\[0\] \(fact 'installed-capacity'\)\.record"):
        parse_facts(text)


def test_unknown_field_is_refused(energy_facts: str) -> None:
    text = energy_facts.replace(
        'id = "coal-inventories"', 'id = "coal-inventories"\ncolour = "black"'
    )
    with pytest.raises(
        FactsFileError, match=r"metrics\[1\] \(fact 'coal-inventories'\)\.colour: Extra"
    ):
        parse_facts(text)


def test_unknown_top_level_table_is_refused(energy_facts: str) -> None:
    with pytest.raises(FactsFileError, match="figures: Extra inputs"):
        parse_facts(energy_facts + '\n[[figures]]\nid = "x"\n')


def test_missing_required_field(energy_facts: str) -> None:
    text = energy_facts.replace('question = "Is solar curtailment a problem?"\n', "", 1)
    with pytest.raises(
        FactsFileError, match=r"statements\[0\] \(fact 'solar-utilization'\)\.question"
    ):
        parse_facts(text)


def test_duplicate_ids(energy_facts: str) -> None:
    text = energy_facts.replace('id = "solar-utilization"', 'id = "grid-projects"')
    with pytest.raises(FactsFileError, match="fact id 'grid-projects' is used twice"):
        parse_facts(text)


def test_bad_id(energy_facts: str) -> None:
    text = energy_facts.replace('id = "grid-projects"', 'id = "Grid Projects"')
    with pytest.raises(FactsFileError, match=r"measures\[0\] \(fact 'Grid Projects'\)\.id"):
        parse_facts(text)


def test_evidence_quote_missing(energy: Briefing, energy_facts: str) -> None:
    text = energy_facts.replace("stayed above 190 million", "stayed above 200 million")
    with pytest.raises(QuoteNotFoundError) as caught:
        attach(energy, text)
    assert "fact 'coal-inventories'" in str(caught.value)
    assert "does not occur in the transcript" in str(caught.value)
    assert isinstance(caught.value, FactsFileError)


def with_solar_evidence(facts: str, evidence: str, answer: str) -> str:
    """The energy facts with the solar-utilization fact's evidence and answer replaced."""
    return facts.replace(
        'evidence = "the utilization rate of solar power remained above 98% in the first half '
        'of the year"',
        f'evidence = "{evidence}"',
    ).replace(
        'answer = "The utilization rate of solar power remained above 98% in the first half of '
        'the year."',
        f'answer = "{answer}"',
    )


def test_evidence_quote_ambiguous(energy: Briefing, energy_facts: str) -> None:
    quote = "Thank you, Ms. Zhao"
    assert read_exact(ENERGY).count(quote) == 2
    text = with_solar_evidence(energy_facts, quote, "The chair thanked Ms. Zhao.")
    with pytest.raises(AmbiguousQuoteError, match=r"fact 'solar-utilization'.*occurs 2 times"):
        attach(energy, text)


def test_quantity_quote_outside_the_evidence(energy: Briefing, energy_facts: str) -> None:
    text = energy_facts.replace('quote = "190 million metric tons"', 'quote = "300 projects"')
    with pytest.raises(QuoteNotFoundError, match=r"fact 'coal-inventories'.*in its evidence"):
        attach(energy, text)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('value = "2.71"', 'value = "2.17"', "quantity value 2.17 billion is not what"),
        ('scale = "billion"', 'scale = "million"', "quantity value 2.71 million is not what"),
        ('scale = "billion"', 'scale = "zillion"', "unknown scale word 'zillion'"),
        ('unit = "metric_ton"', 'unit = "CNY"', "quantity unit 'CNY' is not what"),
        (
            'unit = "projects", qualifier = "more_than"',
            'unit = "projects"',
            "quantity qualifier 'exact' is not what",
        ),
        ('value = "10.8"', 'value = "1.8"', "change 1.8 is not what"),
        ('value = "10.8"', 'value = "-10.8"', "change -10.8 has the wrong sign"),
    ],
)
def test_quantity_that_disagrees_with_its_quote(
    energy: Briefing, energy_facts: str, old: str, new: str, message: str
) -> None:
    text = energy_facts.replace(old, new, 1)
    assert text != energy_facts
    with pytest.raises(FactsFileError, match=re.escape(message)):
        attach(energy, text)


def test_answer_states_a_figure_its_evidence_does_not(energy: Briefing, energy_facts: str) -> None:
    text = energy_facts.replace(
        "reached 2.71 billion kilowatts, up 10.8% year on year.",
        "reached 2.8 billion kilowatts, up 10.8% year on year.",
    )
    assert text != energy_facts
    with pytest.raises(
        FactsFileError, match=r"fact 'installed-capacity': the answer states '2\.8 billion'"
    ):
        attach(energy, text)


def test_evidence_spanning_two_paragraphs(energy: Briefing, energy_facts: str) -> None:
    quote = "giving us a comfortable buffer ahead of the summer peak.\\n\\nOn the consumption side"
    text = with_solar_evidence(energy_facts, quote, "Stocks gave a buffer.")
    with pytest.raises(FactsFileError, match=r"fact 'solar-utilization'.*not inside one paragraph"):
        attach(energy, text)


def test_aim_must_be_inside_the_evidence(energy: Briefing, energy_facts: str) -> None:
    elsewhere = "refining time-of-use pricing"
    assert read_exact(ENERGY).count(elsewhere) == 1
    text = energy_facts.replace(
        'aims = ["strengthen grids, storage and cross-regional transmission"]',
        f'aims = ["{elsewhere}"]',
    )
    with pytest.raises(QuoteNotFoundError, match=r"fact 'grid-projects': aim .* in its evidence"):
        attach(energy, text)


# --------------------------------------------------------------------- load_briefing ---


def test_load_transcript_without_facts_is_askable() -> None:
    briefing = tradebrief.load_briefing(ENERGY)
    assert briefing.title.startswith("SCIO briefing on energy supply")
    assert all(getattr(f, "origin", None) == "extracted" for f in briefing.facts)
    answer = briefing.ask("How much power generation capacity was installed?")
    assert isinstance(answer, Answer)
    assert isinstance(answer.found, bool)


def test_load_transcript_with_facts(tmp_path: Path) -> None:
    facts = tmp_path / "energy.toml"
    facts.write_text(read_exact(ENERGY_FACTS), encoding="utf-8")
    briefing = tradebrief.load_briefing(ENERGY, facts=facts)
    curated = {m.id for m in briefing.metrics if m.origin == "curated"}
    assert curated == {"installed-capacity", "coal-inventories"}
    assert briefing.metrics["installed-capacity"].quantity.value == Decimal("2.71")
    assert briefing.fact("grid-projects").speaker == "zhao-meiling"


def test_facts_beside_the_transcript_are_picked_up(tmp_path: Path) -> None:
    (tmp_path / "briefing.txt").write_text(read_exact(ENERGY), encoding="utf-8", newline="")
    (tmp_path / "facts.toml").write_text(read_exact(ENERGY_FACTS), encoding="utf-8")
    briefing = tradebrief.load_briefing(tmp_path / "briefing.txt")
    assert "installed-capacity" in briefing.metrics


def test_bad_facts_for_the_bundled_transcript(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[metrics]]\nid = "x"\n', encoding="utf-8")
    with pytest.raises(FactsFileError, match=re.escape(str(bad))):
        tradebrief.load_briefing(facts=bad)


def test_facts_for_another_transcript_do_not_fit_the_bundled_one() -> None:
    with pytest.raises(QuoteNotFoundError, match="installed-capacity"):
        tradebrief.load_briefing(facts=ENERGY_FACTS)


def test_non_utf8_transcript_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(read_exact(ENERGY).encode("utf-8")[:200] + "café".encode("latin-1"))
    with pytest.raises(TranscriptError, match=re.escape(str(path)) + ".*not UTF-8"):
        tradebrief.load_briefing(path)


def test_non_utf8_facts_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "facts.toml"
    path.write_bytes(b"# caf\xe9\n")
    with pytest.raises(FactsFileError, match=re.escape(str(path)) + ".*not UTF-8"):
        tradebrief.load_briefing(ENERGY, facts=path)


def test_transcript_errors_name_the_file() -> None:
    path = HERE / "transcripts" / "bad_no_turns.txt"
    with pytest.raises(TradebriefError, match=re.escape(str(path)) + ": page 1 .* has a roster"):
        tradebrief.load_briefing(path)


def test_crlf_file_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(read_exact(ENERGY).replace("\n", "\r\n").encode("utf-8"))
    briefing = tradebrief.load_briefing(path, facts=ENERGY_FACTS)
    assert "\r\n" in briefing.source
    for fact in briefing.facts:
        assert briefing.source[fact.evidence.start : fact.evidence.end] == fact.evidence.quote
