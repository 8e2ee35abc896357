"""Tolls after FORMAT.md and UCDP: revisions, highest reported, split counts, attackers'
claims, evidence clauses; every rule both ways, in English, French and Spanish."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.articles import Article
from summarizer.extract import to_report
from summarizer.normalize.numbers import parse_count
from summarizer.normalize.text import find_quote
from summarizer.normalize.tolls import attackers_killed, read_context
from summarizer.reconcile import reconcile
from summarizer.schemas import ArticleRef, ArticleReport, CountFact, Extraction


def report(aid: str, published: str | None = None, **count: object) -> ArticleReport:
    ref = ArticleRef(id=aid, published=date.fromisoformat(published) if published else None)
    fact = CountFact(quote=f"quote {aid}", **count)  # type: ignore[arg-type]
    return ArticleReport(article=ref, event_type="battle", killed=fact)


def rules(*reports: ArticleReport) -> set[str]:
    return {c.rule for c in reconcile(list(reports)).conflicts if c.field == "killed"}


def triple(*reports: ArticleReport) -> tuple[int | None, int | None, int | None]:
    k = reconcile(list(reports)).killed
    assert k is not None
    return k.low, k.best, k.high


# ---- the reconciler's rules -----------------------------------------------------------


def test_undated_revision_supersedes_a_lower_dated_figure() -> None:
    a = report("a", "2025-11-08", min=45, max=None, figure=45)
    b = report("b", None, min=60, max=60, figure=60, revision=True)
    assert triple(a, b) == (45, 60, None)
    assert "casualties.revision_supersedes" in rules(a, b)


def test_a_lower_revision_replaces_nothing_higher() -> None:
    a = report("a", None, min=60, max=None, figure=60)
    b = report("b", None, min=45, max=45, figure=45, revision=True)
    assert triple(a, b) == (45, 45, 60)
    assert "casualties.revision_supersedes" not in rules(a, b)


def test_two_revisions_that_do_not_cite_each_other_keep_the_conservative_one() -> None:
    a = report("a", None, min=109, max=109, figure=109, revision=True, earlier=[70])
    b = report("b", None, min=115, max=115, figure=115, revision=True, earlier=[70])
    c = report("c", None, min=70, max=None, figure=70)
    assert triple(a, b, c) == (70, 109, 115)
    assert {"casualties.revision_supersedes", "casualties.highest_reported"} <= rules(a, b, c)


def test_a_revision_citing_the_other_replaces_it() -> None:
    a = report("a", None, min=35, max=35, figure=35, revision=True)
    b = report("b", None, min=36, max=36, figure=36, revision=True, earlier=[35])
    assert triple(a, b) == (35, 36, None)


def test_later_day_replaces_lower_earlier_and_undated_figures() -> None:
    a = report("a", "2025-04-18", min=8, max=8, figure=8)
    b = report("b", "2025-04-23", min=54, max=54, figure=54)
    c = report("c", None, min=20, max=20, figure=20)
    assert triple(a, b, c) == (8, 54, None)
    assert rules(a, b, c) == {"casualties.later_supersedes"}


def test_a_lower_later_figure_is_kept_as_the_conservative_one() -> None:
    a = report("a", "2025-04-18", min=30, max=30, figure=30)
    b = report("b", "2025-04-19", min=21, max=None, figure=20)
    assert triple(a, b) == (21, 21, 30)
    assert "casualties.later_supersedes" not in rules(a, b)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ({"min": 20, "max": 20, "approximate": True, "figure": 20},
         {"min": 25, "max": 25, "figure": 25}, (20, 20, 25)),  # "about 20" + "25 bodies"
        ({"min": 21, "max": None, "figure": 20},
         {"min": 20, "max": None, "figure": 20}, (20, 20, None)),  # "over 20" + "at least 20"
        ({"min": 100, "max": None, "figure": 100},
         {"min": 150, "max": None, "figure": 150}, (100, 100, 150)),  # "at least 150" is a figure
        ({"min": None, "max": 100, "figure": 100},
         {"min": 50, "max": None, "figure": 50}, (50, 50, 100)),  # "up to 100"
        ({"min": 30, "max": 30, "figure": 30},
         {"min": 51, "max": None, "figure": 50}, (30, 30, 51)),  # "more than 50" is 51 or more
        ({"min": 30, "max": 30, "figure": 30},
         {"min": 51, "max": None}, (30, 30, 51)),  # the same bound with no written figure
    ],
)  # fmt: skip
def test_high_is_the_highest_figure_any_source_gave(
    first: dict[str, object], second: dict[str, object], expected: tuple[int, int, int | None]
) -> None:
    a, b = report("a", **first), report("b", **second)
    assert triple(a, b) == expected
    assert ("casualties.highest_reported" in rules(a, b)) == (expected[2] is not None)


def exact(aid: str, n: int, published: str | None = None) -> ArticleReport:
    return report(aid, published, min=n, max=n, figure=n)


@pytest.mark.parametrize(
    ("figures", "expected", "rule"),
    [
        ([132, 132, 40, 132], (40, 132, None), "casualties.corroborated"),  # a partial count
        ([8, 7, 8], (7, 8, None), "casualties.corroborated"),  # two of three
        ([8, 8, 7, 7], (7, 7, 8), "casualties.most_conservative"),  # no majority
        ([8, 7], (7, 7, 8), "casualties.most_conservative"),  # one source is no corroboration
        ([7, 7, 9], (7, 7, 9), "casualties.most_conservative"),  # the majority is the lowest
        ([13, 7, 9, 7], (7, 7, 13), "casualties.most_conservative"),  # half is not more
    ],
)
def test_a_figure_most_sources_give_is_the_best_over_a_lone_lower_one(
    figures: list[int], expected: tuple[int, int, int | None], rule: str | None
) -> None:
    reports = [exact(f"r{i}", n) for i, n in enumerate(figures)]
    assert triple(*reports) == expected
    assert ("casualties.corroborated" in rules(*reports)) == (rule == "casualties.corroborated")
    assert ("casualties.most_conservative" in rules(*reports)) == (
        rule == "casualties.most_conservative"
    )
    brief = reconcile(reports)
    assert brief.killed and brief.killed.evidence[0].article_id == "r0"  # every source kept


def test_only_figures_nothing_replaced_corroborate() -> None:
    # Two early reports of 10 are replaced by a later 30; the lone 12 of the later day
    # stands beside 30, so there is no majority among what stands: the conservative 12...
    reports = [
        exact("a", 10, "2025-11-08"), exact("b", 10, "2025-11-08"),
        exact("c", 30, "2025-11-09"), exact("d", 12, "2025-11-09"),
    ]  # fmt: skip
    assert triple(*reports) == (10, 12, 30)
    # Undated, all three stand: two of them give 12.
    reports = [exact("a", 9), exact("b", 12), exact("c", 12)]
    assert triple(*reports) == (9, 12, None)
    assert "casualties.corroborated" in rules(*reports)


def test_split_count_is_summed_and_its_parts_kept() -> None:
    a = report("a", min=20, max=20, figure=20, parts=[17, 3])
    brief = reconcile([a])
    assert brief.killed and brief.killed.best == 20 and brief.killed.parts == [17, 3]
    [conflict] = [c for c in brief.conflicts if c.rule == "casualties.split_sum"]
    assert conflict.values[0].value == "17 + 3"


def test_attackers_claim_is_never_the_toll_nor_the_high() -> None:
    official = report("a", "2025-04-23", min=54, max=54, figure=54)
    claim = report("b", "2025-04-24", min=70, max=70, figure=70, claimed=True)
    brief = reconcile([official, claim])
    assert brief.killed and (brief.killed.best, brief.killed.high) == (54, None)
    assert brief.killed.claimed == 70 and brief.killed.claim_evidence[0].article_id == "b"
    assert "casualties.attacker_claim" in rules(official, claim)
    assert "The attackers claim 70 killed." in brief.headline


def test_a_claim_alone_gives_no_toll() -> None:
    brief = reconcile([report("b", min=40, max=40, figure=40, claimed=True)])
    assert brief.killed and brief.killed.best is None and brief.killed.claimed == 40
    assert "killed" not in brief.title


# ---- reading the article around the span -------------------------------------------

REVISIONS = [
    ("The death toll rose to 60 on Sunday, officials said.", "rose to 60", 60, True),
    ("The toll has risen to 36 after a man died in hospital.", "has risen to 36", 36, True),
    ("The death toll climbed to 52, police said.", "climbed to 52", 52, True),
    ("A new toll gives 48 dead in the village.", "48 dead", 48, True),
    ("Le bilan s'alourdit à 30 morts selon la mairie.", "30 morts", 30, True),
    ("Le bilan est passé à 41 morts dimanche.", "41 morts", 41, True),
    ("El balance ascendió a 24 muertos este lunes.", "24 muertos", 24, True),
    ("La cifra de fallecidos aumentó a 19 personas.", "19 personas", 19, True),
    ("Gunmen killed 20 villagers on Friday, officials said.", "killed 20 villagers", 20, False),
    ("Des hommes armés ont tué 12 civils mardi.", "tué 12 civils", 12, False),
    ("Hombres armados mataron a 9 personas el sábado.", "9 personas", 9, False),
    # The source's own latest information ("s'élèverait": the conditional too).
    ("The latest local reports put the death toll at 25.", "death toll at 25", 25, True),
    ("According to the most recent figures, 31 people died.", "31 people died", 31, True),
    ("Selon les dernières informations, le nombre de tués s'élèverait désormais à 48.",
     "48", 48, True),
    ("Le nombre de tués s'élèverait à 48.", "48", 48, True),
    ("Según los datos más recientes, hay 14 personas fallecidas.", "14 personas fallecidas",
     14, True),
    ("Según las últimas cifras, hay 14 muertos.", "14 muertos", 14, True),
    ("His latest film shows 14 people killed in 2019.", "14 people killed", 14, False),
    ("Reports said 25 people died.", "25 people died", 25, False),
    # The headline says the toll rose to this figure, the body does not.
    ("Toll rises to 110 in Borno\nAt least 110 farmers were killed, the UN said.",
     "At least 110 farmers were killed", 110, True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "figure", "revision"), REVISIONS)
def test_revision_wording(text: str, span: str, figure: int, revision: bool) -> None:
    assert read_context(span, text, "killed", figure).revision is revision


@pytest.mark.parametrize(
    ("text", "span", "figure", "earlier"),
    [
        ("Officials counted 22 deaths. A previous report had given at least 13 deaths.",
         "22 deaths", 22, (13,)),
        ("The toll is now 54. It is a sharp increase from the eight deaths initially reported.",
         "now 54", 54, (8,)),
        ("Le bilan est de 40 morts. Un précédent bilan faisait état de 25 morts.",
         "40 morts", 40, (25,)),
        # "Initial" in the figure's own sentence makes it the early count, not a revision.
        ("Initial reports confirm at least 21 deaths and 34 injuries.", "21 deaths", 21, ()),
    ],
)  # fmt: skip
def test_earlier_figures_the_article_cites(
    text: str, span: str, figure: int, earlier: tuple[int, ...]
) -> None:
    context = read_context(span, text, "killed", figure)
    assert context.earlier == earlier and context.revision is bool(earlier)


CLAIMS = [
    ("JNIM claimed to have killed 40 soldiers in the raid.", "40 soldiers", True),
    ("The group claimed responsibility and said that they had killed 70 soldiers.",
     "70 soldiers", True),
    ("JNIM claimed it killed 23 soldiers.", "23 soldiers", True),
    ("The insurgents claimed they had slain 9 guards.", "9 guards", True),
    ("The army claimed that it has killed 30 fighters.", "30 fighters", True),
    ("Le groupe a revendiqué la mort de 70 soldats béninois.", "70 soldats", True),
    ("Les assaillants affirment avoir tué 15 militaires.", "15 militaires", True),
    ("El grupo afirmó haber matado a 12 policías.", "12 policías", True),
    ("The attack claimed the lives of 20 people.", "20 people", False),
    ("JNIM claimed the attack, in which 20 soldiers were killed.", "20 soldiers were killed",
     False),
    ("The rebels claimed to have killed 40 soldiers, but the army said 12 soldiers died.",
     "12 soldiers died", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "claimed"), CLAIMS)
def test_attackers_claim_wording(text: str, span: str, claimed: bool) -> None:
    assert read_context(span, text, "killed", None).claimed is claimed


@pytest.mark.parametrize(
    ("text", "span", "quote"),
    [
        ("Suspected JNIM fighters killed at least 20 Malian troops in an attack on Friday.",
         "at least 20", "killed at least 20 Malian troops"),
        ("On Friday, 20 soldiers were killed near the border.", "20 soldiers",
         "20 soldiers were killed"),
        ("The death toll from the strike on the city has risen to 36, officials said.",
         "has risen to 36", "The death toll from the strike on the city has risen to 36"),
        ("Selon l'armée, 13 personnes sont mortes dans l'explosion.", "13 personnes",
         "13 personnes sont mortes"),
        ("Over 20 soldiers, including a commander, were killed on Friday.", "20",
         "Over 20 soldiers, including a commander, were killed"),
        ("Officials said the number of people killed in the raid has risen to 31 on Monday.",
         "has risen to 31", "Officials said the number of people killed in the raid has risen to 31"),
        ("(Wire) Le bilan de l'attaque est passé à 41 morts dimanche.", "est passé à 41 morts",
         "Le bilan de l'attaque est passé à 41 morts"),
    ],
)  # fmt: skip
def test_evidence_is_the_clause_that_states_the_count(text: str, span: str, quote: str) -> None:
    assert read_context(span, text, "killed", None).quote == quote


def test_evidence_prefers_the_occurrence_that_names_the_kind() -> None:
    text = "Score: 20 to 3 in the derby.\nAt least 20 people were killed in the blast."
    assert read_context("20", text, "killed", 20).quote == "At least 20 people were killed"


@pytest.mark.parametrize(
    "head",
    ["date 2024-11-10 PORTVILLE — (AP) — Gunmen killing", "Posted 10/11/2024, killing",
     "Updated 21:10 — killing"],
)  # fmt: skip
def test_a_figure_inside_a_date_or_a_time_is_no_count(head: str) -> None:
    """The "10" of a page's "2024-11-10" line is not the quote of "killing 10 people", even
    where a casualty word follows it in the same clause."""
    text = f"{head} ruled the day. Gunmen opened fire, killing 10 people and injuring 13."
    assert read_context("10", text, "killed", 10).quote == "killing 10 people"
    assert read_context("10", "On 2024-11-10 killing started.", "killed", 10).quote == "10"


@pytest.mark.parametrize(
    ("expr", "value", "parts"),
    [
        ("17 soldiers and three vigilantes were killed", 20, (17, 3)),
        ("treize soldats et un gendarme", 14, (13, 1)),
        ("diecisiete soldados y tres civiles", 20, (17, 3)),
        ("three soldiers, two police officers and a civilian", 6, (3, 2, 1)),
        ("killing 10 people and injuring 13", 10, ()),
        ("10 dead and 13 injured", 10, ()),
        ("20 people were killed and 3 houses burned", 20, ()),
        ("14 deaths and 63 injuries", 14, ()),
    ],
)
def test_split_counts(expr: str, value: int, parts: tuple[int, ...]) -> None:
    bounds = parse_count(expr)
    assert bounds and bounds.min == value and bounds.parts == parts


@pytest.mark.parametrize(
    ("expr", "low", "high"),
    [
        ("al menos 24 personas", 24, None),
        ("más de 80 heridos", 81, None),
        ("casi 30 muertos", None, 29),
        ("hasta 50 víctimas", None, 50),
        ("hubo siete heridos", 7, 7),
        ("Quatorze soldats ont été tués", 14, 14),
        ("decenas de heridos", 12, None),
        ("entre 54 et 65 personnes", 54, 65),
        ("una veintena de muertos", 20, 20),
    ],
)
def test_french_and_spanish_counts(expr: str, low: int | None, high: int | None) -> None:
    bounds = parse_count(expr)
    assert bounds and (bounds.min, bounds.max) == (low, high)


def test_the_article_around_the_span_reaches_the_report() -> None:
    text = (
        "Seventeen soldiers and three vigilantes were killed on Monday. The death toll "
        "rose to 20 from the 12 deaths initially reported, the army said."
    )
    ex = Extraction(is_incident=True, event_type="battle", killed="Seventeen soldiers",
                    title="Twenty killed", summary="An attack killed 20.")  # fmt: skip
    fact = to_report(Article(id="a", text=text), ex, []).killed
    assert fact is not None
    assert (fact.min, fact.parts, fact.quote) == (
        20,
        [17, 3],
        "Seventeen soldiers and three vigilantes were killed",
    )


# ---- order independence ---------------------------------------------------------------

counts = st.builds(
    lambda aid, pub, lo, span, rev, earlier, claim, parts: report(
        aid,
        pub,
        min=lo,
        max=None if span is None else lo + span,
        figure=lo,
        revision=rev,
        earlier=earlier,
        claimed=claim,
        parts=parts,
    ),
    aid=st.text("abcd", min_size=1, max_size=2),
    pub=st.sampled_from([None, "2025-11-08", "2025-11-09", "2025-11-10"]),
    lo=st.integers(0, 60),
    span=st.none() | st.integers(0, 20),
    rev=st.booleans(),
    earlier=st.lists(st.integers(0, 60), max_size=2),
    claim=st.booleans(),
    parts=st.sampled_from([[], [10, 2]]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(counts, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_tolls_are_order_independent(reports: list[ArticleReport], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    assert reconcile(reports).model_dump_json() == reconcile(shuffled).model_dump_json()
    killed = reconcile(reports).killed
    assert killed is not None
    if killed.best is not None:  # the headline is a toll some source gave, never a claim
        tolls = [r.killed for r in reports if r.killed and not r.killed.claimed]
        assert killed.best in {c.conservative() for c in tolls}
        assert killed.high is None or killed.high > killed.best
        given = {c.conservative() for c in tolls} | {e for c in tolls for e in c.earlier}
        assert killed.revised_from is None or (
            killed.revised_from < killed.best and killed.revised_from in given
        )


words = st.sampled_from(["20", "killed", "soldiers", "and", "three", "rose", "to", ",", ".",
                         "claimed", "tués", "(", ")", "toll", "has", "risen", "initially",
                         "\n", "at least", "a", "un", "’", "-", "bilan"])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=30), st.integers(0, 29), st.integers(1, 4))
def test_any_span_reads_without_error_and_quotes_the_article(
    tokens: list[str], at: int, size: int
) -> None:
    text = " ".join(tokens)
    span = " ".join(tokens[at % len(tokens) :][:size]).strip()
    if not span:
        return
    bounds = parse_count(span)
    context = read_context(span, text, "killed", bounds.min if bounds else None)
    assert find_quote(context.quote, text) >= 0 or context.quote == span


# ---- a report that revises one toll is the later report for its other counts -------------


def both(aid: str, killed: CountFact, injured: CountFact) -> ArticleReport:
    return ArticleReport(
        article=ArticleRef(id=aid), event_type="battle", killed=killed, injured=injured
    )


@pytest.mark.parametrize("revises", [True, False])
def test_an_update_carries_to_the_other_counts_of_the_same_report(revises: bool) -> None:
    early = both(
        "a",
        CountFact(quote="20 killed", min=20, max=20),
        CountFact(quote="30 hurt", min=30, max=30),
    )
    later = both(
        "b",
        CountFact(quote="toll rose to 36", min=36, max=36, revision=revises),
        CountFact(quote="129 injured", min=129, max=129),
    )
    brief = reconcile([early, later])
    assert brief.injured and brief.injured.best == (129 if revises else 30)
    rules = {c.rule for c in brief.conflicts if c.field == "injured"}
    assert ("casualties.update_carries" in rules) == revises


def test_an_update_never_replaces_a_higher_count_of_the_revised_report() -> None:
    early = both(
        "a",
        CountFact(quote="20 killed", min=20, max=20),
        CountFact(quote="50 hurt", min=50, max=50),
    )
    later = both(
        "b",
        CountFact(quote="toll rose to 36", min=36, max=36, revision=True),
        CountFact(quote="more than 20 injured", min=21, max=None, figure=20),
    )
    brief = reconcile([early, later])
    assert brief.injured and (brief.injured.best, brief.injured.high) == (21, 50)


with_injured = st.builds(
    lambda k, i, p: k.model_copy(
        update={
            "injured": i.killed,
            "killed": k.killed and k.killed.model_copy(update={"provisional": p}),
        }
    ),
    counts,
    counts,
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(with_injured, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_carried_updates_are_order_independent(reports: list[ArticleReport], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    assert reconcile(reports).model_dump_json() == reconcile(shuffled).model_dump_json()


# ---- the attackers' own dead are part of the incident's toll ---------------------------


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("At least 23 soldiers were martyred. Six militants who stormed the post were killed.", 6),
        ("23 soldiers were killed, while all six attackers were shot dead.", 6),
        ("Au moins 23 soldats ont été tués. Cinq assaillants ont été neutralisés.", 5),
        ("Al menos 23 militares murieron; tres atacantes fueron abatidos.", 3),
        ("23 soldiers were killed. Separately, 17 militants were killed in another operation.", None),
        ("23 soldiers were killed. The army said it shot dead 12 terrorists in response.", None),
        ("23 soldiers were killed by 10 gunmen who fled.", None),  # the gunmen did not die
        ("23 soldiers were killed. Six militants were killed. Five militants were killed.", None),
        # one attacker, by no figure
        ("23 soldiers were killed. One of the attackers was shot dead.", 1),
        ("23 soldiers were killed. Murió uno de los sospechosos por el crimen.", 1),
        ("23 soldiers were killed. Uno de los presuntos sicarios fue detenido y luego murió.", 1),
        ("23 soldats tués. L'un des assaillants a été tué.", 1),
        ("23 soldiers were killed. One of the gunmen was arrested.", None),
        ("23 soldiers were killed. One of the victims died in hospital.", None),
        ("23 soldiers were killed. One of the attackers died. Six militants were killed.", None),
        ("23 soldiers were killed. Separately, one of the gunmen died in another raid.", None),
    ],
)  # fmt: skip
def test_attackers_killed_in_the_same_incident(text: str, dead: int | None) -> None:
    assert attackers_killed("23 soldiers", text) == dead


def test_attackers_dead_join_the_toll_as_a_part() -> None:
    text = "At least 23 soldiers were killed in the attack. Six militants were also killed."
    ex = Extraction(is_incident=True, event_type="battle", killed="23 soldiers",
                    title="Attack", summary="An attack.")  # fmt: skip
    fact = to_report(Article(id="a", text=text), ex, []).killed
    assert fact and (fact.min, fact.max, fact.parts) == (29, None, [23, 6])


def test_a_fuller_count_replaces_a_count_of_one_of_its_groups() -> None:
    fuller = report("a", None, min=29, max=None, figure=29, parts=[23, 6])
    partial = report("b", "2023-12-12", min=23, max=None, figure=23)
    assert triple(fuller, partial) == (23, 29, None)
    assert "casualties.fuller_count" in rules(fuller, partial)
    other = report("c", "2023-12-12", min=25, max=None, figure=25)  # not one of its groups
    assert triple(fuller, other) == (25, 25, 29)


def test_a_figure_the_article_gives_as_a_claim_elsewhere_is_a_claim() -> None:
    text = (
        "Benin: 70 soldiers killed in two attacks. The group claimed the killing of 70 "
        "soldiers in the north, and the army has not commented."
    )
    assert read_context("70 soldiers killed", text, "killed", 70).claimed
    plain = "Benin: 70 soldiers killed in two attacks, the army said."
    assert not read_context("70 soldiers killed", plain, "killed", 70).claimed


# ---- a provisional figure gives way to a higher final one ------------------------------


@pytest.mark.parametrize(
    ("text", "span", "provisional"),
    [
        ("According to the mayor, the provisional toll is more than 100 dead.", "more than 100 dead", True),
        ("Selon le maire, le bilan provisoire est de plus de cent morts.", "plus de cent morts", True),
        ("Según un balance preliminar, murieron 12 personas.", "12 personas", True),
        ("In the early hours of Tuesday, 23 soldiers were killed.", "23 soldiers", False),
        ("The final toll is 132 dead.", "132 dead", False),
    ],
)  # fmt: skip
def test_provisional_figures_are_read(text: str, span: str, provisional: bool) -> None:
    assert read_context(span, text, "killed", None).provisional == provisional


@pytest.mark.parametrize("provisional", [True, False])
def test_a_provisional_figure_gives_way_to_a_higher_one(provisional: bool) -> None:
    early = report("a", None, min=101, max=None, figure=100, provisional=provisional)
    official = report("b", "2022-06-20", min=132, max=132, figure=132)
    assert triple(early, official) == ((101, 132, None) if provisional else (101, 101, 132))
    assert ("casualties.provisional_replaced" in rules(early, official)) == provisional


# ---- a correction downward ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "lowered"),
    [
        ("The death toll has been revised down to 84, officials said.", "84", True),
        ("Revising down the death toll, the minister told IRNA the number of martyrs has been "
         "announced as 84 so far. Twin bombings killed 84 people.", "killed 84 people", True),
        ("Officials lowered the toll to 84. The blasts killed 84 people.", "killed 84 people",
         True),
        ("Le bilan a été revu à la baisse à 84 morts.", "84 morts", True),
        ("El balance fue revisado a la baja: 84 muertos.", "84 muertos", True),
        ("La cifra fue rebajada a 84 muertos.", "84 muertos", True),
        # a correction that leads to another figure, or none
        ("The toll was revised down to 84. Earlier, 103 were killed.", "103 were killed",
         False),
        ("The toll has risen to 84.", "84", False),
        ("Prices were revised down. 84 people were killed.", "84 people", False),
        # the figure's own noun ends at "and": the dead after it are another figure's
        ("Figures were revised down to 84 and 30 dead.", "84", False),
    ],
)  # fmt: skip
def test_a_correction_downward_is_read_and_is_no_rise(text: str, span: str, lowered: bool) -> None:
    context = read_context(span, text, "killed", 84 if "84" in span else 103)
    assert context.lowered == lowered
    assert not (lowered and context.revision)


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("The death toll has been revised down to 84, with 284 reported as injured.", False),
        ("The number of injured was revised down to 84.", True),
        ("The figure was revised down to 84 injured.", True),
        # the first correction leads to another figure; the second to this one
        ("The death toll was revised down to 60. The injured were revised down to 84.", True),
    ],
)
def test_a_correction_downward_counts_the_kind_its_sentence_names(text: str, lowered: bool) -> None:
    assert read_context("84", text, "injured", 84).lowered == lowered


# ---- what the toll rose from -----------------------------------------------------------


def revised_from(*reports: ArticleReport) -> int | None:
    k = reconcile(list(reports)).killed
    assert k is not None
    return k.revised_from


def test_the_toll_rose_from_the_lowest_figure_a_later_or_revised_one_replaced() -> None:
    first = report("a", "2025-04-18", min=8, max=8, figure=8)
    next_day = report("b", "2025-04-19", min=30, max=30, figure=30)
    final = report("c", "2025-04-23", min=54, max=54, figure=54)
    assert revised_from(final, first, next_day) == 8
    brief = reconcile([final, first, next_day])
    assert ": at least 54 killed (revised up from 8)." in brief.headline
    assert "revised" not in brief.title  # the title stays short
    # a revision replaces figures of any day, dated or not; so does a final figure a
    # provisional one gave way to, and a report revising another's toll
    undated = report("d", None, min=40, max=40, figure=40)
    assert revised_from(undated, report("e", None, min=60, max=60, figure=60, revision=True)) == 40
    early = report("f", None, min=101, max=None, figure=100, provisional=True)
    assert revised_from(early, report("g", "2022-06-20", min=132, max=132, figure=132)) == 101


def test_an_update_that_cites_its_earlier_toll_rose_from_it() -> None:
    update = report("a", None, min=22, max=22, figure=22, revision=True, earlier=[13])
    assert revised_from(update) == 13
    # the lower of the cited figure and one it replaced; never one above the best
    other = report("b", "2024-06-25", min=5, max=5, figure=5)
    assert revised_from(update, other) == 5
    odd = report("c", None, min=22, max=22, figure=22, revision=True, earlier=[30])
    assert revised_from(odd) is None
    same = report("d", None, min=22, max=22, figure=22, revision=True, earlier=[22])
    assert revised_from(same) is None  # "still 22": no rise


@pytest.mark.parametrize(
    "reports",
    [
        # one figure, or figures nothing replaced: no revision
        [report("a", "2025-04-18", min=8, max=8, figure=8)],
        [report("a", None, min=30, max=30, figure=30), report("b", None, min=40, max=40, figure=40)],
        # a lower figure published later replaces nothing
        [report("a", "2025-04-18", min=30, max=30, figure=30),
         report("b", "2025-04-19", min=21, max=None, figure=20)],
        # a toll summed from its groups is a fuller count, not a revision
        [report("a", None, min=29, max=None, figure=29, parts=[23, 6]),
         report("b", "2023-12-12", min=23, max=None, figure=23)],
        # a lower revision replaces nothing, and cites nothing
        [report("a", None, min=60, max=None, figure=60),
         report("b", None, min=45, max=45, figure=45, revision=True)],
        # the attackers' claim is never a toll, so nothing rose from it
        [report("a", "2025-04-18", min=70, max=70, figure=70, claimed=True),
         report("b", "2025-04-23", min=54, max=54, figure=54)],
    ],
)  # fmt: skip
def test_no_revision_where_nothing_later_replaced_a_lower_figure(
    reports: list[ArticleReport],
) -> None:
    assert revised_from(*reports) is None
    assert "revised" not in reconcile(reports).headline
