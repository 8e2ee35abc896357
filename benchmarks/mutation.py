"""Mutation score of the pure modules, one module at a time (mutmut).

Each module is mutated alone against its own test files only, so a run stays affordable on
two cores and a module's score says what *its* tests catch. mutmut's base configuration is
`[tool.mutmut]` in pyproject.toml; this script writes a per-module copy of it (only_mutate,
test selection) into `.mutmut/<module>/`, beside links to the repository's files, and runs
mutmut there from scratch, so every figure is a fresh, complete run. mutmut runs under
`nice -n 10` with two workers.

    python benchmarks/mutation.py                 # the modules in DEFAULT
    python benchmarks/mutation.py reconcile       # any module in MODULES, by name
    python benchmarks/mutation.py render dates    # some of them
    python benchmarks/mutation.py --show render   # also print each surviving mutant's diff

Kill rate = (killed + timeouts) / mutants, raw and with the listed equivalent mutants
taken out of the denominator. Mutants whose function no selected test calls count as not
killed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutmut"
MUTMUT = Path(sys.executable).with_name("mutmut")


class Module(NamedTuple):
    source: str
    tests: tuple[str, ...]
    # A table built once (functools.cache) is built by the first test that needs it: it is
    # the only test mutmut's stats link to its builders, and every mutant's run is forked
    # from a process where the table is already built. True empties the module's caches
    # before each test (FRESH_PLUGIN) and forks each run from a server that has imported
    # nothing of the package (slower: every test builds the tables again).
    fresh: bool = False


_CLUSTER_TESTS = (
    "tests/test_cluster.py",
    "tests/test_cluster_rules.py",
    "tests/test_cluster_eval.py",
    "tests/test_inputs_render_cluster.py",
    "tests/test_rules.py",
    "tests/test_proper_names.py",
)
MODULES: dict[str, Module] = {
    "render": Module(
        "summarizer/render.py",
        ("tests/test_render.py", "tests/test_inputs_render_cluster.py"),
        fresh=True,  # the template environment is cached per folder
    ),
    "cache": Module("summarizer/cache.py", ("tests/test_cache.py",)),
    "config": Module("summarizer/_config.py", ("tests/test_config.py",)),
    "pricing": Module("summarizer/pricing.py", ("tests/test_pricing.py",)),
    "score": Module(
        "summarizer/evaluate/score.py", ("tests/test_score.py", "tests/test_evaluate.py")
    ),
    "clusters": Module(
        "summarizer/evaluate/clusters.py", ("tests/test_score.py", "tests/test_evaluate.py")
    ),
    "dates": Module(
        "summarizer/normalize/dates.py", ("tests/test_dates.py", "tests/test_dates_rules.py")
    ),
    "numbers": Module(
        "summarizer/normalize/numbers.py",
        ("tests/test_numbers.py", "tests/test_numbers_rules.py"),
    ),
    "text": Module(
        "summarizer/normalize/text.py",
        ("tests/test_text.py",),
        fresh=True,  # name_key and the stop words are cached
    ),
    "reconcile": Module(
        "summarizer/reconcile.py",
        (
            "tests/test_reconcile.py",
            "tests/test_reconcile_rules.py",
            "tests/test_places.py",
            "tests/test_actors.py",
            "tests/test_tolls.py",
            "tests/test_rules.py",
        ),
    ),
    **{
        name: Module(f"summarizer/{source}.py", _CLUSTER_TESTS, fresh)
        for name, source, fresh in (
            ("cluster", "cluster", False),
            ("pair_score", "_pair_score", True),  # memoised relations of words, dates, tolls
            ("place_match", "_place_match", True),
            ("actor_match", "_actor_match", True),
            ("cluster_blocks", "_cluster_blocks", False),
        )
    },
    "places": Module(
        "summarizer/normalize/places.py",
        ("tests/test_places.py", "tests/test_places_rules.py", "tests/test_actors.py"),
        fresh=True,  # _stems, _dependencies and _name_halves are cached
    ),
    "gazetteer": Module(
        "summarizer/normalize/gazetteer.py", ("tests/test_places.py", "tests/test_gazetteer.py")
    ),
    "locate": Module(
        "summarizer/normalize/locate.py", ("tests/test_places.py", "tests/test_locate.py")
    ),
    "names": Module(
        "summarizer/normalize/names.py",
        ("tests/test_actors.py", "tests/test_actors_rules.py", "tests/test_reconcile.py"),
    ),
    "actors": Module(
        "summarizer/normalize/actors.py",
        ("tests/test_actors.py", "tests/test_actors_rules.py"),
        fresh=True,  # the actor dictionary and its index are cached
    ),
    "tolls": Module(
        "summarizer/normalize/tolls.py",
        ("tests/test_tolls.py", "tests/test_tolls_rules.py", "tests/test_reconcile_rules.py"),
    ),
    "prose": Module(
        "summarizer/normalize/prose.py", ("tests/test_prose.py", "tests/test_prose_rules.py")
    ),
    "event_type": Module(
        "summarizer/normalize/event_type.py",
        ("tests/test_event_type.py", "tests/test_kinds_report.py"),
    ),
    "relevance": Module("summarizer/normalize/relevance.py", ("tests/test_relevance.py",)),
    "numwords": Module(
        "summarizer/normalize/numwords.py",
        ("tests/test_numwords.py",),
        fresh=True,  # its number-word tables are cached
    ),
    "roles": Module("summarizer/normalize/roles.py", ("tests/test_roles.py",)),
    "leaders": Module("summarizer/normalize/leaders.py", ("tests/test_leaders.py",)),
    "datelines": Module("summarizer/normalize/datelines.py", ("tests/test_datelines.py",)),
    "sources": Module("summarizer/normalize/sources.py", ("tests/test_sources.py",)),
    "venues": Module("summarizer/normalize/venues.py", ("tests/test_venues.py",)),
    "kind_verify": Module(
        "summarizer/kinds/verify.py",
        (
            "tests/test_count_evidence.py",
            "tests/test_extract.py",
            "tests/test_datelines.py",
            "tests/test_venues.py",
            "tests/test_places.py",
            "tests/test_numwords.py",
            "tests/test_prose.py",
            "tests/test_actors.py",
            "tests/test_own_figures.py",
            "tests/test_counted.py",
        ),
    ),
    "counted": Module("summarizer/normalize/counted.py", ("tests/test_counted.py",)),
    "subtotals": Module("summarizer/normalize/subtotals.py", ("tests/test_subtotals.py",)),
    "responders": Module("summarizer/normalize/responders.py", ("tests/test_responders.py",)),
    "toll_updates": Module("summarizer/normalize/toll_updates.py", ("tests/test_toll_updates.py",)),
    "own_figures": Module(
        "summarizer/normalize/own_figures.py",
        ("tests/test_own_figures.py", "tests/test_counted.py"),
    ),
    "count_spans": Module(
        "summarizer/normalize/count_spans.py",
        ("tests/test_count_spans.py", "tests/test_extract.py", "tests/test_tolls.py"),
    ),
    "kind_rules": Module(
        "summarizer/kinds/rules.py",
        (
            "tests/test_kinds_rules_steps.py",
            "tests/test_kinds_own_rules.py",
            "tests/test_kinds_e2e.py",
        ),
    ),
    "incident_rules": Module(
        "summarizer/kinds/incident.py",
        (
            "tests/test_kinds_rules_steps.py",
            "tests/test_kinds_own_rules.py",
            "tests/test_evaluate.py",
            "tests/test_oracle_text.py",
        ),
    ),
    "registry": Module(
        "summarizer/kinds/registry.py",
        ("tests/test_kinds.py", "tests/test_kinds_own_rules.py", "tests/test_kinds_registry.py"),
    ),
    "kind_report": Module(
        "summarizer/kinds/report.py",
        (
            "tests/test_kinds_report.py",
            "tests/test_kinds_e2e.py",
            "tests/test_kinds_rules.py",
            "tests/test_extract.py",
            "tests/test_actors.py",
            "tests/test_actors_rules.py",
            "tests/test_places.py",
            "tests/test_tolls.py",
            "tests/test_proper_names.py",
            "tests/test_sources.py",
            "tests/test_responders.py",
            "tests/test_toll_updates.py",
        ),
    ),
    "kind_reconcile": Module(
        "summarizer/kinds/reconcile.py",
        ("tests/test_kinds_rules.py", "tests/test_kinds_report.py", "tests/test_kinds_e2e.py"),
    ),
    "kind_group": Module(
        "summarizer/kinds/group.py",
        ("tests/test_kinds_rules.py", "tests/test_kinds_e2e.py"),
    ),
    "native": Module("summarizer/_native.py", ("tests/test_native.py",)),
    "kind_call": Module(
        "summarizer/kinds/call.py",
        (
            "tests/test_kinds_e2e.py",
            "tests/test_kinds_rules_steps.py",
            "tests/test_relevance.py",
            "tests/test_kinds.py",
        ),
    ),
}
DEFAULT = (
    "render", "cache", "config", "pricing", "score", "clusters", "dates", "numbers", "text",
    "reconcile", "places", "gazetteer", "locate", "names", "actors", "tolls", "prose",
    "cluster", "pair_score", "place_match", "actor_match", "cluster_blocks",
    "event_type", "relevance", "numwords", "count_spans", "kind_rules", "incident_rules",
    "registry", "kind_report", "kind_call", "kind_reconcile", "kind_group", "native", "roles",
    "leaders", "datelines", "sources", "venues", "responders",
    "toll_updates", "kind_verify", "own_figures", "counted", "subtotals",
)  # fmt: skip

# Surviving mutants that no test can kill because they do not change behaviour. Names are
# mutmut's (function + ordinal), stable while the function's source is unchanged; a listed
# name that no longer survives is simply not reported.
_SQL_CASE = "SQL keywords and identifiers are case-insensitive in SQLite"
_NO_DOT = (
    "the month group never holds a dot (the optional dot is outside it): rstrip('.') is a no-op"
)
_LABELS = (
    "left-out articles still get distinct labels that no predicted cluster index can reach "
    "(that would take 10 million clusters or articles)"
)
_NEVER_NONE = (
    "the reconciler keeps only counts with a conservative figure, so neither figure "
    "compared is ever None"
)
_FIRMEST = "min without the rank key: 'claimed' < 'stated' < 'suspected' alphabetically too"
_EVERY_LABEL = (
    "every event type (a Literal) and 'other' have a label, and 'other''s is 'Incident': "
    "the default and the fallback key are never what decides the label"
)
_SPAN_START = (
    "`<= start` instead of `< start`: a located span starts on a word, never on whitespace, "
    "so the loop stops at start either way"
)
_NO_ADMIN = (
    "the ambiguous-country return: it is reached only without a region (a region settles the "
    "country) and without a located place, so admin and the article are never read"
)
_SAME_REGION = "hits[1] for hits[0]: this branch runs only when every hit has one region"
_SAME_LENGTH = "cluster.group returns one reason per group: zip's strict never fires"
EQUIVALENT: dict[str, str] = {
    "summarizer.normalize.own_figures.x_first_figure_for__mutmut_18": (
        "the cause searched from 1 for 0: it follows a word, so never starts a sentence"
    ),
    "summarizer.normalize.responders.x__response_at__mutmut_13": (
        "61 characters before a name for 60: the passive ('discovered by the ') is under 30"
    ),
    "summarizer.normalize.counted.x_thing_after__mutmut_5": (
        "a 41-character window for 40: the longest word it reads ('kilometres', 'dollars' "
        "after ' of ') ends within 20"
    ),
    # summarizer/kinds/report.py: `break` for the `continue` after a killed count that the
    # update does not top: a kind has one killed count.
    "summarizer.kinds.report.x__latest_toll__mutmut_30": "one killed count per kind",
    # summarizer/kinds/verify.py: the sentence before a figure, searched back from None or
    # 1 instead of 0, or starting one character later (the space after the period).
    "summarizer.kinds.verify.x__move_to__mutmut_25": (
        "the field's name given to _count_problem only words its message, which _move_to "
        "discards, and leaves out that field's own words, which have already not matched"
    ),
    "summarizer.kinds.verify.x__count_problem__mutmut_43": "rfind from None",
    "summarizer.kinds.verify.x__count_problem__mutmut_50": "rfind from 1",
    "summarizer.kinds.verify.x__count_problem__mutmut_51": "+ 2: the space after the period",
    # summarizer/normalize/toll_updates.py: the sentence's start one or two characters
    # earlier takes in the period and one letter (no word that blocks a toll is that
    # short), and a search from 1 or None instead of 0 differs only for an article whose
    # first character ends a sentence.
    "summarizer.normalize.toll_updates.x__sentence_start__mutmut_1": "start - 1: no word",
    "summarizer.normalize.toll_updates.x__sentence_start__mutmut_4": "rfind from None",
    "summarizer.normalize.toll_updates.x__sentence_start__mutmut_10": "rfind from 1",
    # summarizer/kinds/incident.py
    "summarizer.kinds.incident.xǁIncidentRulesǁdaily__mutmut_15": _SAME_LENGTH,
    "summarizer.kinds.incident.xǁIncidentRulesǁdaily__mutmut_18": _SAME_LENGTH,
    "summarizer.kinds.incident.xǁIncidentRulesǁdaily__mutmut_19": _SAME_LENGTH,
    # summarizer/normalize/numwords.py
    "summarizer.normalize.numwords.x_number_variants__mutmut_13": "appending the span itself "
    "when the digits are already plain: the final filter drops a variant equal to the span",
    "summarizer.normalize.numwords.x_number_variants__mutmut_21": "w[1] is w[0]: the word "
    "pattern is one group spanning the whole match",
    # summarizer/cache.py
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_3": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_4": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_7": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_8": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_10": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_11": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_13": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁ_setup__mutmut_14": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁget__mutmut_7": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁget__mutmut_8": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁput__mutmut_8": _SQL_CASE,
    "summarizer.cache.xǁExtractionCacheǁput__mutmut_9": _SQL_CASE,
    # summarizer/render.py: severity_key's sort key, where only the relative order counts
    "summarizer.render.x_severity_key__mutmut_7": (
        "an unknown toll as -2 instead of -1 still sorts after every known toll, 0 included"
    ),
    "summarizer.render.x_severity_key__mutmut_11": (
        "an undated incident's key from 'XXXX' instead of '': both sort before every "
        "inverted ISO date (X is above every digit and '-', so its inversion is below)"
    ),
    "summarizer.render.x_severity_key__mutmut_14": (
        "a separator between inverted characters: ISO dates all have the same length, so the "
        "separators line up and the order is unchanged"
    ),
    "summarizer.render.x_severity_key__mutmut_17": (
        "0x110000 instead of 0x10FFFF: still a decreasing map of the date characters to "
        "valid code points, so the order is unchanged"
    ),
    # summarizer/normalize/dates.py
    "summarizer.normalize.dates.x__calendar_relative__mutmut_41": (
        "first of the month minus 2 days instead of 1 is still in the previous month "
        "(no month is shorter than 28 days), and only its year and month are used"
    ),
    "summarizer.normalize.dates.x__explicit__mutmut_75": _NO_DOT,  # rstrip(None): no spaces either
    "summarizer.normalize.dates.x__explicit__mutmut_76": _NO_DOT,  # lstrip('.')
    "summarizer.normalize.dates.x__explicit__mutmut_77": _NO_DOT,  # rstrip('XX.XX')
    "summarizer.normalize.dates.x__explicit__mutmut_108": _NO_DOT,
    "summarizer.normalize.dates.x__explicit__mutmut_109": _NO_DOT,
    "summarizer.normalize.dates.x__explicit__mutmut_111": _NO_DOT,
    # summarizer/normalize/numbers.py
    "summarizer.normalize.numbers.x__words_to_int__mutmut_14": (
        "a _WORD_RUN match starts and ends on a word, so splitting it never yields an empty "
        "piece; an unknown piece returns None just as the skipped empty one ends with None"
    ),
    "summarizer.normalize.numbers.x_parse_count__mutmut_14": (
        "the cut stop clause is replaced by a marker with no digit, number word, vague word "
        "or qualifier; it only matters after a bare 'a'/'an' directly followed by "
        "'including'/'of whom'..., which is not English"
    ),
    "summarizer.normalize.numbers.x_parse_count__mutmut_45": (
        "len(numbers) >= 1 instead of > 1: the sum of a single number is that number"
    ),
    "summarizer.normalize.numbers.x__clean__mutmut_55": (
        "'unos' alone given to text2num too: a lone 'unos' (one) is under its threshold and "
        "stays as written"
    ),
    "summarizer.normalize.dates.x_stated_date__mutmut_18": (
        "unresolved() without the publication date: it differs only for an expression that "
        "resolves against some day but not against the publication date, which none does"
    ),
    # summarizer/reconcile.py
    **dict.fromkeys(
        [f"summarizer.reconcile.x_reconcile__mutmut_{n}" for n in (101, 102)],
        "the empty title and headline are placeholders that both returns replace",
    ),
    "summarizer.reconcile.x_settle_place__mutmut_59": (
        "an absent precision as 10 instead of 9: ACLED geo_precision is 1 to 3, so it sorts "
        "after every real one either way"
    ),
    **dict.fromkeys(
        [f"summarizer.reconcile.x__distinct_groups__mutmut_{n}" for n in (13, 14, 15)],
        "other ranges of j: the test is symmetric in i and j and false for i == j, and every "
        "range still meets each unordered pair",
    ),
    **dict.fromkeys(
        [f"summarizer.reconcile.x__distinct_groups__mutmut_{n}" for n in (21, 24, 25)],
        "zip without strict: one support set per actor, built from the same list",
    ),
    **dict.fromkeys(
        [f"summarizer.reconcile.x_settle_casualties__mutmut_{n}" for n in (51, 54, 55)],
        "zip without strict: one set of rules per toll, built from the same list",
    ),
    **dict.fromkeys(
        [f"summarizer.reconcile.x__revised_from__mutmut_{n}" for n in (4, 7, 8)],
        "zip without strict: one set of rules per toll, built from the same list",
    ),
    "summarizer.reconcile.x__supersedes__mutmut_5": _NEVER_NONE,
    **dict.fromkeys(
        [f"summarizer.reconcile.x_settle_casualties__mutmut_{n}" for n in (87, 90, 91)],
        "zip without strict: one set of rules per toll, built from the same list",
    ),
    **dict.fromkeys(
        [f"summarizer.reconcile.x_settle_casualties__mutmut_{n}" for n in (78, 80)],
        "the high's default: the best's own toll is never corrected, so the figures are "
        "never empty",
    ),
    "summarizer.normalize.places.x__head__mutmut_3": (
        "rpartition for partition: no ISO 3166 name, in any of the languages read, has two commas"
    ),
    "summarizer.normalize.event_type.x__demonstration__mutmut_5": (
        "'XXXX' for '' as a missing identity: neither is 'protesters'"
    ),
    "summarizer.reconcile.x_settle_casualties__mutmut_144": (
        "`or 1` for `or 0` after conservative(): every toll _tolls keeps has a figure"
    ),
    "summarizer.normalize.numwords.x_figures__mutmut_10": (
        "m[1] for m[0]: the word pattern's one group is the whole match"
    ),
    "summarizer.reconcile.x__supersedes__mutmut_30": (
        "max(earlier, default=-2) instead of -1: differs only for a figure of -1, and counts "
        "are never negative"
    ),
    **dict.fromkeys(
        [f"summarizer.reconcile.x_compose_title__mutmut_{n}" for n in (3, 5, 7, 8, 9, 10, 11)]
        + [f"summarizer.reconcile.x_compose_headline__mutmut_{n}" for n in (3, 5, 7, 8, 9, 10, 11)],
        _EVERY_LABEL,
    ),
    # summarizer/normalize/places.py
    "summarizer.normalize.places.x__word_countries__mutmut_9": (
        "cuts from len(word) + 1: the first two cuts are the whole word, already looked up, "
        "with an empty ending that no demonym ending matches"
    ),
    "summarizer.normalize.places.x_countries_in__mutmut_26": (
        "matched words blanked as 'XXXX' instead of '': the word loop lowercases nothing and "
        "no stem is upper-case, so neither is a country"
    ),
    "summarizer.normalize.places.x_iso_admin1__mutmut_6": (
        "`not keys[0] and not subs`: an empty key matches no region (exact or fuzzy, ratio 0) "
        "and no regions give nothing to match, so None either way"
    ),
    # summarizer/normalize/actors.py
    "summarizer.normalize.actors.x_merged_attribution__mutmut_2": _FIRMEST,
    "summarizer.normalize.actors.x_merged_attribution__mutmut_4": _FIRMEST,
    **dict.fromkeys(
        [f"summarizer.normalize.actors.x_attribution__mutmut_{n}" for n in (3, 6, 7, 9)],
        "the order the names are tried in: a claim is read from the sentence, a hedge sets "
        "the result for any name, so every order gives the same answer",
    ),
    "summarizer.normalize.actors.x__dictionary_match__mutmut_30": (
        "the words left around an acronym are only read when it was found"
    ),
    # summarizer/normalize/tolls.py
    "summarizer.normalize.tolls.x_occurrences__mutmut_35": (
        "an occurrence starting right at a date's end: a span that starts with a letter or "
        "digit cannot (it must follow a non-word character), and one that starts with "
        "punctuation glued to a date ('2024-11-10(10') is not news writing"
    ),
    "summarizer.normalize.tolls.x__word_end__mutmut_7": (
        "_WORD_CHARS ends in `*`, so it matches (maybe empty) at any position: m is never None"
    ),
    "summarizer.normalize.tolls.x__earlier__mutmut_13": (
        "loc[0] <= s_end: a located span never starts on its sentence's closing punctuation"
    ),
    "summarizer.normalize.tolls.x__earlier__mutmut_14": (
        "m.start() <= loc[1]: the earlier-phrase starts on a word boundary and the span ends "
        "on a word or bracket, so one never starts exactly where the other ends"
    ),
    "summarizer.normalize.tolls.x__claim_before__mutmut_14": (
        "the text between claim and figure when there is no claim: only read after a claim"
    ),
    "summarizer.normalize.tolls.x__with_qualifier__mutmut_12": (
        "lstrip for rstrip: QUALIFIER ends in \\s*$, so trailing spaces never mattered, and "
        "leading ones are before any qualifier"
    ),
    "summarizer.normalize.tolls.x_attackers_killed__mutmut_18": (
        "<= m.end(): a located span starts on a word, never on the punctuation ending a sentence"
    ),
    # summarizer/normalize/prose.py
    "summarizer.normalize.prose.x__script__mutmut_1": (
        "split(None) instead of split(' '): Unicode character names are single-spaced"
    ),
    "summarizer.normalize.tolls.x_sentence_of__mutmut_12": (
        "sentence ends searched from 1 instead of 0: an end at 0 is followed by whitespace "
        "that the loop below skips, so the sentence starts at the same place"
    ),
    "summarizer.normalize.tolls.x_sentence_of__mutmut_24": _SPAN_START,
    "summarizer.normalize.tolls.x__clause__mutmut_21": _SPAN_START,
    "summarizer.normalize.tolls.x__clause__mutmut_98": (
        "toll.start() > c_start instead of >=: when they are equal both branches give the "
        "same start"
    ),
    **dict.fromkeys(
        [f"summarizer.normalize.dates.x_unresolved__mutmut_{i}" for i in (13, 14, 15)],
        "another reference day to try a relative date against: any day resolves the same "
        "expressions",
    ),
    "summarizer.normalize.dates.x_date_line__mutmut_6": (
        "rstrip('XX.XX') for rstrip('.'): the expression was lower-cased, so it holds no X"
    ),
    # summarizer/reconcile.py
    **dict.fromkeys(
        [f"summarizer.reconcile.x__corroborated__mutmut_{n}" for n in (4, 6)],
        "most_common(None) or (2) for (1): the first pair is the same",
    ),
    # summarizer/normalize/tolls.py: other_casualty at an article's first character
    **dict.fromkeys(
        [f"summarizer.normalize.tolls.x_other_casualty__mutmut_{n}" for n in (27, 28)],
        "pos > 0 for pos >= 0 beside the own noun: a span at the article's start has nothing "
        "before it, and its own noun, when there is one, is also the first casualty word "
        "after it",
    ),
    **dict.fromkeys(
        [f"summarizer.normalize.tolls.x_other_casualty__mutmut_{n}" for n in (52, 53)],
        "pos > 0 for pos >= 0 beside `nearest`: at the article's start nothing stands "
        "before the span, so `nearest` is None either way",
    ),
    "summarizer.normalize.tolls.x__nearest_before__mutmut_14": (
        "max(pos, 1) as the window's end: at pos 0 it holds the span's first character, "
        "which cannot be a casualty word"
    ),
    # summarizer/normalize/leaders.py
    **dict.fromkeys(
        [f"summarizer.normalize.leaders.x_fold_leaders__mutmut_{n}" for n in (43, 44)],
        "the source of a (source, fact) pair given to merged_attribution: it reads the facts",
    ),
    # summarizer/render.py
    **dict.fromkeys(
        [f"summarizer.render.x_check_template__mutmut_{n}" for n in (3, 7)],
        "check_template only compiles, and the sandbox acts when a template runs; the "
        "environment is cached per (folder, sandboxed), so a render still gets the sandbox",
    ),
    # summarizer/normalize/count_spans.py
    **dict.fromkeys(
        [f"summarizer.normalize.count_spans.x_with_qualifier__mutmut_{n}" for n in (7, 8)],
        "a span at the very start (pos 0) has nothing before it: the qualifier search on an "
        "empty window finds none, as the early return does",
    ),
    "summarizer.normalize.count_spans.x_with_qualifier__mutmut_12": (
        "lstrip for rstrip: QUALIFIER allows trailing whitespace (\\s*$) itself"
    ),
    "summarizer.normalize.count_spans.x_with_qualifier__mutmut_20": (
        "a 31-character window for 30: the qualifier must end the window, and none is 30 "
        "characters long"
    ),
    # summarizer/normalize/locate.py
    "summarizer.normalize.locate.x__pick__mutmut_5": "len(hits) >= 1: a single hit was already returned just above",
    "summarizer.normalize.locate.x__town_elsewhere__mutmut_5": (
        "places_named(town) for places_named(town, None): None is its default"
    ),
    "summarizer.normalize.locate.x__region_elsewhere__mutmut_7": (
        "'' for None when no other country has the region: both are false, only truth is read"
    ),
    "summarizer.normalize.locate.x__written_country__mutmut_1": (
        "no ambiguous countries as None instead of an empty set: only its truth is read"
    ),
    "summarizer.normalize.locate.x__place__mutmut_7": (
        "namesakes not narrowed to the region's country: they are then narrowed to the region "
        "itself (a region found without a country is a GeoNames one, with its admin1 code)"
    ),
    "summarizer.normalize.locate.x__place__mutmut_59": _SAME_REGION,
    "summarizer.normalize.locate.x__place__mutmut_60": _SAME_REGION,
    "summarizer.normalize.locate.x__place__mutmut_62": (
        "the country of a region found through unlocated namesakes: locate() takes the "
        "region's country itself when no code came back"
    ),
    "summarizer.normalize.locate.x_locate__mutmut_89": (
        "place = '' instead of None: it is only read when a town was named, after it is set"
    ),
    "summarizer.normalize.locate.x_locate__mutmut_168": _NO_ADMIN,
    "summarizer.normalize.locate.x_locate__mutmut_169": _NO_ADMIN,
    "summarizer.normalize.locate.x_locate__mutmut_193": (
        "the admin quote's last fallback: whenever a region was found, its own part or the "
        "town named it, so the '' is never used"
    ),
    "summarizer.normalize.locate.x_locate__mutmut_21": (
        "written = '' instead of None once the place's country is kept: only its truth is read"
    ),
    "summarizer.normalize.locate.x__country_of_place__mutmut_5": (
        "town or region, or any part that is no country code: the parts come town, region, "
        "country, so a town or region is found first; without either, the country part names "
        "no place"
    ),
    "summarizer.normalize.locate.x__country_of_place__mutmut_24": (
        "_region(p, code, None) for frozenset(): with a country code given, `allowed` is never read"
    ),
    "summarizer.normalize.locate.x__country_fact__mutmut_23": (
        "the country's quote fallback: an inferred country always came from a region, a town "
        "or an actor, each with its words"
    ),
    # summarizer/normalize/gazetteer.py
    **dict.fromkeys(
        [
            *(
                f"summarizer.normalize.gazetteer.x__named__mutmut_{n}"
                for n in (4, 5, 7, 8, 13, 14, 22, 23)
            ),
            *(
                f"summarizer.normalize.gazetteer.x_build__mutmut_{n}"
                for n in (24, 25, 47, 48, 95, 96, 109, 110)
            ),
            *(f"summarizer.normalize.gazetteer.x_region__mutmut_{n}" for n in (7, 8, 10, 11)),
            *(f"summarizer.normalize.gazetteer.x_region_by_iso__mutmut_{n}" for n in (7, 8)),
            *(
                f"summarizer.normalize.gazetteer.x_regions_named__mutmut_{n}"
                for n in (10, 11, 15, 16, 19, 20, 37, 38)
            ),
        ],
        _SQL_CASE,
    ),
    **dict.fromkeys(
        [f"summarizer.normalize.gazetteer.x_index_path__mutmut_{n}" for n in (10, 12, 14)],
        "importlib.metadata.version normalises the distribution name: case does not matter",
    ),
    **dict.fromkeys(
        [f"summarizer.normalize.gazetteer.x_build__mutmut_{n}" for n in (10, 12, 13, 14)],
        "the temporary file's suffix: it is renamed onto the index or deleted either way",
    ),
    "summarizer.normalize.gazetteer.x_places_named__mutmut_11": (
        "looking the stripped key up when it equals the compact one repeats a query that "
        "found nothing"
    ),
    # summarizer/normalize/names.py
    "summarizer.normalize.names.x_force_key__mutmut_7": (
        "name_key's words are single-spaced and _FORCES replaces words by one word, so "
        "collapsing runs of spaces is a no-op"
    ),
    # summarizer/cluster.py
    **dict.fromkeys(
        [f"summarizer.cluster.x__group__mutmut_{n}" for n in (30, 32)],
        "sorting groups by key instead of by smallest member: a group's key is its smallest "
        "member (a join keeps the smaller key), so the order is the same",
    ),
    "summarizer.cluster.x__kept_apart__mutmut_15": (
        "a blocked pair's score `or 1` instead of `or 0`: a join is only tried for a pair "
        "scoring at least 1 (JOIN, or 1 by elimination), so the fallback is never used"
    ),
    "summarizer.cluster.x__kept_apart__mutmut_44": (
        "<= instead of < between (-rank, code) keys: codes are distinct, so they never tie"
    ),
    "summarizer.cluster.x__by_elimination__mutmut_52": (
        "`or 1` instead of `or 0` for the best member's score: every member scored at least "
        "1 with the report (that is what made the incident an option)"
    ),
    **dict.fromkeys(
        [f"summarizer.cluster.xǁ_Linkageǁjoin__mutmut_{n}" for n in (17, 18, 19, 24, 25, 26)],
        "another 'no weakest yet' default (60, 11**6, 10**7): any default above the highest "
        "pair score (12) gives the same minimum",
    ),
    "summarizer.cluster.xǁ_Linkageǁjoin__mutmut_77": (
        "the dropped group's weakest score left behind: a dropped key is never a live group "
        "again, so it is never read"
    ),
    "summarizer.cluster.xǁ_Linkageǁpair__mutmut_5": (
        "i <= j instead of i < j: a report is never paired with itself"
    ),
    "summarizer.cluster.xǁ_Linkageǁ__init____mutmut_7": (
        "candidates = None at construction: _group sets them before any pair is scored"
    ),
    # summarizer/_pair_score.py
    **dict.fromkeys(
        [f"summarizer._pair_score.x_facts__mutmut_{n}" for n in (26, 31, 32, 49, 52, 53)],
        "zip without strict: the lists zipped are built from the same reports",
    ),
    "summarizer._pair_score.x__prose__mutmut_8": (
        "hyphens kept: the word pattern splits on them anyway"
    ),
    "summarizer._pair_score.xǁScorerǁ__init____mutmut_6": (
        "cache keys of width n-1: two keys meet only when the later report is numbered n-1 "
        "(all values distinct) and another pair's later report 0 (the first report's value); "
        "verdicts are asked for i < j, so both never happen together"
    ),
    "summarizer._pair_score.xǁScorerǁ__init____mutmut_7": (
        "cache keys of width n+2: any width above the largest number keeps keys distinct"
    ),
    **dict.fromkeys(
        [f"summarizer._pair_score.xǁScorerǁ_relation__mutmut_{n}" for n in (2, 3)],
        "a*w-b or a/w+b as the cache key: still one key per pair of numbers below w",
    ),
    **dict.fromkeys(
        [f"summarizer._pair_score.xǁScorerǁ_relation__mutmut_{n}" for n in (4, 5, 28)],
        "the relation cache not read or not filled: the relation is worked out again, the same",
    ),
    # summarizer/_place_match.py
    "summarizer._place_match.x_km__mutmut_32": (
        "min(2.0, ...) for min(1.0, ...): h exceeds 1 by one unit in the last place at most "
        "(nearly antipodal points), and its square root rounds to 1.0"
    ),
    "summarizer._place_match.x_spellings__mutmut_3": (
        "a one-word name's own word among its forms: it is its compact form already"
    ),
    # summarizer/_cluster_blocks.py
    **dict.fromkeys(
        [f"summarizer._cluster_blocks.x_candidates__mutmut_{n}" for n in (17, 18)],
        "another label for place buckets: only the 'id' label is ever tested",
    ),
    **dict.fromkeys(
        [f"summarizer._cluster_blocks.x__may_share_region__mutmut_{n}" for n in (9, 10, 11)]
        + [f"summarizer._cluster_blocks.x__may_share_region__mutmut_{n}" for n in (13, 14)]
        + [f"summarizer._cluster_blocks.x__may_share_region__mutmut_{n}" for n in (15, 16)],
        "the same-region lookup changed or dropped: the region buckets above already pair the "
        "report with everyone sharing its region (it sits in its own buckets, so they exist)",
    ),
    "summarizer._cluster_blocks.x__pair__mutmut_5": "i <= j: a report is never paired with itself",
    **dict.fromkeys(
        [f"summarizer._cluster_blocks.x__close_spellings__mutmut_{n}" for n in (23, 26, 27, 29)],
        "another fuzzy prefilter (no cutoff, 71, WRatio, never below ratio): close_spelling "
        "decides, and same-consonant names (its only pairs under 85) are looked up apart",
    ),
    "summarizer._cluster_blocks.x__mentions__mutmut_15": (
        "a text naming its own place: those pairs come from that place's bucket already"
    ),
    **dict.fromkeys(
        [f"summarizer._cluster_blocks.x__nearby__mutmut_{n}" for n in (19, 20, 21)],
        "cx - dx for cx + dx: the offsets -1, 0, 1 are symmetric, so the same cells are met",
    ),
    # summarizer/_actor_match.py
    "summarizer._actor_match.x__core__mutmut_8": (
        "hyphens kept: name_key turns them into spaces anyway"
    ),
    # summarizer/evaluate/clusters.py
    "summarizer.evaluate.clusters.x__labels__mutmut_9": _LABELS,  # - 10_000_000
    "summarizer.evaluate.clusters.x__labels__mutmut_10": _LABELS,  # + 10_000_001
    "summarizer.evaluate.clusters.x__labels__mutmut_15": _LABELS,  # fresh -= 1
    "summarizer.evaluate.clusters.x__labels__mutmut_16": _LABELS,  # fresh += 2
    "summarizer.evaluate.clusters.x_pool__mutmut_21": (
        "seen = None instead of False: it is only ever read for its truth value"
    ),
}

_RESULT = re.compile(r"^\s*(\S+): (.+)$")


class Figures(NamedTuple):
    module: str
    mutants: int
    killed: int
    survived: int
    timeouts: int
    untested: int
    survivors: list[str]
    seconds: float

    @property
    def equivalent(self) -> list[str]:
        return [name for name in self.survivors if name in EQUIVALENT]

    def rate(self, *, excluding_equivalent: bool) -> float:
        total = self.mutants - (len(self.equivalent) if excluding_equivalent else 0)
        return (self.killed + self.timeouts) / total if total else 1.0


FRESH_PLUGIN = '''"""Written by benchmarks/mutation.py: {module}'s caches, emptied before each test."""

import importlib

import pytest


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    module = importlib.import_module("{module}")
    for value in vars(module).values():
        if getattr(value, "__module__", None) == module.__name__ and hasattr(value, "cache_clear"):
            value.cache_clear()
'''


def _workdir(name: str, module: Module) -> Path:
    """A directory where mutmut sees the repository with a per-module config."""
    work = WORK / name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in {".git", ".mutmut", "mutants", "pyproject.toml"}:
            (work / entry.name).symlink_to(entry)
    # Tests read ../shared beside the repository (the nearest one above, for a worktree);
    # mutmut runs them from work/mutants.
    shared = next((p / "shared" for p in ROOT.parents if (p / "shared" / "gold").is_dir()), None)
    if shared:
        (work / "shared").symlink_to(shared)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    base = tomllib.loads(text)["tool"]["mutmut"]
    tests = [t for t in module.tests if (ROOT / t).exists()]
    if not tests:
        sys.exit(f"{name}: none of its test files exist: {', '.join(module.tests)}")
    overrides: dict[str, object] = {
        "only_mutate": [module.source],
        "pytest_add_cli_args_test_selection": tests,
    }
    if module.fresh:
        dotted = module.source.removesuffix(".py").replace("/", ".")
        (work / "_fresh_caches.py").write_text(FRESH_PLUGIN.format(module=dotted))
        overrides |= {
            "process_isolation": "forkserver",
            "forkserver_warmup": "none",
            "also_copy": [*base.get("also_copy", []), "_fresh_caches.py"],
            "pytest_add_cli_args": [*base.get("pytest_add_cli_args", []), "-p", "_fresh_caches"],
        }
    lines = ["[tool.mutmut]"] + [f"{k} = {_toml(v)}" for k, v in {**base, **overrides}.items()]
    # The pytest section is kept so markers and filterwarnings behave as in the real suite.
    pytest_section = text[text.index("[tool.pytest.ini_options]") :].split("\n[tool.", 1)[0]
    (work / "pyproject.toml").write_text("\n".join(lines) + "\n\n" + pytest_section + "\n")
    return work


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mutmut(work: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        ["nice", "-n", "10", str(MUTMUT), *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"mutmut {' '.join(args)} failed in {work}:\n{done.stdout[-4000:]}{done.stderr}")
    return done.stdout


def measure(name: str, *, show: bool) -> Figures:
    module = MODULES[name]
    work = _workdir(name, module)
    dotted = module.source.removesuffix(".py").replace("/", ".")
    start = time.monotonic()
    _mutmut(work, "run", "--max-children", "2")
    seconds = time.monotonic() - start
    status: dict[str, str] = {}
    for line in _mutmut(work, "results", "--all", "true").splitlines():
        m = _RESULT.match(line)
        if m and m.group(1).startswith(dotted + "."):
            status[m.group(1)] = m.group(2).strip()
    survivors = sorted(k for k, v in status.items() if v == "survived")
    unknown = set(status.values()) - {"killed", "survived", "timeout", "no tests"}
    if unknown:
        print(f"{name}: unexpected mutmut statuses {sorted(unknown)}", file=sys.stderr)
    if show:
        for mutant in survivors:
            if mutant not in EQUIVALENT:
                print(_mutmut(work, "show", mutant))
    return Figures(
        module=name,
        mutants=len(status),
        killed=sum(v == "killed" for v in status.values()),
        survived=len(survivors),
        timeouts=sum(v == "timeout" for v in status.values()),
        untested=sum(v == "no tests" for v in status.values()),
        survivors=survivors,
        seconds=seconds,
    )


def report(rows: list[Figures]) -> None:
    head = f"{'module':<10} {'mutants':>7} {'killed':>6} {'survived':>8} {'timeout':>7} {'no test':>7} {'kill rate':>9} {'excl. eq.':>9} {'time':>6}"
    print(head)
    print("-" * len(head))
    for r in rows:
        raw = r.rate(excluding_equivalent=False)
        net = r.rate(excluding_equivalent=True)
        print(
            f"{r.module:<10} {r.mutants:>7} {r.killed:>6} {r.survived:>8} {r.timeouts:>7} "
            f"{r.untested:>7} {raw:>9.1%} {net:>9.1%} {r.seconds:>5.0f}s"
        )
    for r in rows:
        for mutant in r.equivalent:
            print(f"equivalent  {mutant}: {EQUIVALENT[mutant]}")
        for mutant in r.survivors:
            if mutant not in EQUIVALENT:
                print(f"survived    {mutant}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"any of {', '.join(MODULES)}")
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    args = parser.parse_args()
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    if not MUTMUT.exists():
        sys.exit(f"{MUTMUT} not found: install the dev extra (pip install -e '.[dev]')")
    rows = []
    for name in args.modules or DEFAULT:
        rows.append(measure(name, show=args.show))
        print(f"[{name} done in {rows[-1].seconds:.0f}s]", file=sys.stderr)
    report(rows)


if __name__ == "__main__":
    main()
