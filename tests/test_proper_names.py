"""The articles' own proper names: what they are, and how grouping weighs them (both ways)."""

from datetime import date
from typing import Any

from test_cluster import JNIM, ids, rep

from summarizer._cluster_blocks import candidates
from summarizer._pair_score import Scorer, facts
from summarizer.articles import Article
from summarizer.cluster import group
from summarizer.extract import to_report
from summarizer.normalize.proper_names import proper_names
from summarizer.schemas import ArticleReport, Extraction


def test_names_are_capitalised_mid_sentence_and_never_lower_case() -> None:
    text = (
        "Attack in Diallassagou. Gunmen killed 40 villagers near Bankass on Sunday, "
        "said Amadou Koita (Reuters), while the attack on Saturdays' market went on."
    )
    # "Attack" and "Gunmen" open sentences; "attack" is also lower case; "Sunday" and
    # "Saturdays" are calendar words; "said"/"while" are not capitalised.
    assert proper_names(text) == ["amadou", "bankass", "diallassagou", "koita", "reuters"]


def test_names_keep_hyphens_elisions_and_accents_folded() -> None:
    text = "Les tueurs d'Amadou ont frappé à Wad al-Noura puis à Pont-Sondé, dans l'Artibonite."
    assert proper_names(text) == ["al noura", "amadou", "artibonite", "pont sonde"]


def test_short_words_stop_words_and_quoted_openings_are_not_names() -> None:
    assert proper_names('He said: "Nothing moved." The Mali army, Ils, Los y Las.') == ["mali"]
    # accented stop words, folded as the names are ("Después" -> "despues")
    assert proper_names("Ils sont venus Après, dijo Después el alcalde de Bamba.") == ["bamba"]


def _named(aid: str, names: list[str], **kw: Any) -> ArticleReport:
    return rep(aid, **kw).model_copy(update={"names": names})


def test_shared_distinctive_names_add_one_then_two() -> None:
    two = Scorer([_named("a", ["kwashabe", "zulum"]), _named("b", ["kwashabe", "zulum"])])
    assert two.verdict(0, 1).relations[-1].weight == 1
    four = ["kwashabe", "zulum", "koshobe", "babagana"]
    v = Scorer([_named("a", four), _named("b", four)]).verdict(0, 1)
    assert v.relations[-1].weight == 2
    assert v.relations[-1].text == "the articles name the same: babagana, koshobe, kwashabe, zulum"
    one = Scorer([_named("a", ["kwashabe"]), _named("b", ["kwashabe", "zulum"])])
    assert one.verdict(0, 1).relations[-1].weight == 0


def test_a_name_most_of_the_day_uses_is_not_distinctive() -> None:
    """Twenty reports naming "borno": only the pair that shares a rare name gains."""
    day = [_named(f"r{i:02}", ["borno", "maiduguri"]) for i in range(20)]
    day[0] = _named("r00", ["borno", "maiduguri", "koshobe", "zabarmari"])
    day[1] = _named("r01", ["borno", "maiduguri", "koshobe", "zabarmari"])
    scorer = Scorer(day)
    assert scorer.verdict(2, 3).relations[-1].weight == 0
    assert (
        scorer.verdict(0, 1).relations[-1].text == "the articles name the same: koshobe, zabarmari"
    )


def test_names_join_reports_whose_extracted_places_disagree() -> None:
    """One report gives the village, the other an outpost the gazetteer does not know:
    nothing links the two places, unless an article's text names the other's place; the
    shared names then add their weight. Without the mention they stay apart."""
    a = rep("a", town="Wada", perps=(JNIM,))
    b = rep("b", town="Koudou Falls", perps=(JNIM,))
    shared = ["alibori", "banikoara", "houngbedji", "karimama"]
    apart = group([a.model_copy(update={"names": shared}), b.model_copy(update={"names": shared})])
    assert ids(apart.groups) == [["a"], ["b"]]
    named = b.model_copy(update={"names": [*shared, "wada"]})
    joined = group([a.model_copy(update={"names": shared}), named])
    assert ids(joined.groups) == [["a", "b"]]
    [reason] = [r for r in joined.reasons if r]
    agreed = reason.links[0].agreed
    assert "one report also names the other's place: Wada / Koudou Falls" in agreed
    assert "the articles name the same: alibori, banikoara, houngbedji, karimama" in agreed
    # "koudou" in a's text names Koudou Falls as well ("les chutes de Koudou")
    koudou = a.model_copy(update={"names": [*shared, "koudou"]})
    assert ids(group([koudou, b.model_copy(update={"names": shared})]).groups) == [["a", "b"]]


def test_two_villages_a_day_apart_in_one_region_stay_apart_despite_shared_names() -> None:
    """Names shared by two incidents of one district (its governor, its capital) do not
    outweigh two different villages of one region."""
    mopti = {"admin1": "Mopti", "admin1_code": "ML-5"}
    gunmen = ("gunmen", "unidentified:ML", "unidentified")
    a = _named("a", ["bankass", "koita"], town="Dianweli", perps=(gunmen,), **mopti)
    b = _named("b", ["bankass", "koita"], town="Deguessagou", perps=(gunmen,), **mopti)
    assert ids(group([a, b]).groups) == [["a"], ["b"]]


def test_the_report_carries_the_article_names_and_a_non_incident_none() -> None:
    text = "Gunmen killed 12 people in Diallassagou, near Bankass, on 18 June 2022."
    ex = Extraction(is_incident=True, town="Diallassagou", killed="12", title="t", summary="s")
    report = to_report(Article(id="x", text=text), ex, [])
    assert report.names == ["bankass", "diallassagou"]
    assert report.days == [date(2022, 6, 18)]  # read without the model, as the names
    none = to_report(Article(id="y", text=text), Extraction(is_incident=False), [])
    assert none.names == [] and none.days == []


def test_the_blocking_finds_a_place_named_by_a_later_word_of_its_key() -> None:
    """ "Los Cantaritos" is named by "cantaritos" in the other article's text: the pair is
    scored (the blocking indexes every word of a place key, not only the first)."""
    bar = rep("a", town="Los Cantaritos")
    other = _named("b", ["cantaritos"], town="Boni")
    found = candidates(facts([bar, other]), [0, 1])
    assert found == {1}  # the pair (0, 1) as 0 * 2 + 1
    assert ids(group([bar, other]).groups) == [["a", "b"]]


def test_a_place_inside_a_hyphenated_name_is_named() -> None:
    """ "l'axe Tin Akoff-Beldiabé" names Tin-Akoff: the text's names count word by word."""
    names = proper_names("Une embuscade sur l'axe Tin Akoff-Beldiabé, dans l'Oudalan.")
    assert "akoff beldiabe" in names
    a = rep("a", town="Tin-Akoff", country="Burkina Faso")
    b = _named("b", names, town="Oudalan", country="Burkina Faso")
    [fa, fb] = facts([a, b])
    assert fb.names("tin akoff") and not fa.names("oudalan")
    assert not fb.names("tin zouera")  # "tin" is too short to tell; "zouera" is not named
    v = Scorer([a, b]).verdict(0, 1)
    assert v.compatible
    assert "one report also names the other's place: Tin-Akoff / Oudalan" in v.agreed


def test_a_place_named_with_its_kind_in_another_language_is_named() -> None:
    """ "les chutes de Koudou" names "Koudou Falls": the word for the place's kind does not
    tell; the name does, and a kind word alone names nothing."""
    falls = rep("a", town="Koudou Falls", country="Benin")
    french = _named("b", ["koudou", "benin"], town="Wada", country="Benin")
    [ff, fb] = facts([falls, french])
    assert fb.names("koudou falls") and not ff.names("wada")
    assert not fb.names("tanguieta falls")  # the name is not there
    [_, kinds_only] = facts([falls, _named("c", ["falls", "national", "park"], town="Wada")])
    assert not kinds_only.names("national park") and not kinds_only.names("falls")
    v = Scorer([falls, french]).verdict(0, 1)
    assert "one report also names the other's place: Koudou Falls / Wada" in v.agreed
