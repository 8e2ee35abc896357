"""Figures that count no people: an age or a span of time, a distance, a sum, a day of a
month, things (vehicles, houses, weapons).

News lists them beside the toll ("20 soldats tués, 8 véhicules incendiés, une dizaine de
blessés"; "un adolescente de 15 años"; "el 3 de marzo, donde falleció"), and a small
model copies the wrong figure as a casualty count. The word right after the figure says
what it counts. Pure.
"""

import re

from summarizer.normalize.numwords import figures
from summarizer.normalize.text import strip_accents

# Accent-folded, lower case (English, French, Spanish). "may" is a month only before a
# figure or a comma: "three may have died" counts people.
_NOT_PEOPLE = (
    r"years?|year-old|months?|weeks?|days?|hours?|minutes?|ans|annees?|mois|semaines?|jours?|"
    r"heures?|anos|meses|semanas?|dias|horas?|minutos|km|kilomet(?:er|re)s?|kilometros?|"
    r"miles|met(?:er|re)s|metros|dollars?|euros?|francs|pesos|shillings?|naira|percent|"
    r"per cent|pour cent|por ciento|"
    r"january|february|march|april|may(?=\s*[,\d])|june|july|august|september|october|"
    r"november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
    r"novembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"setiembre|octubre|noviembre|diciembre|"
    r"vehicles?|cars|trucks?|motorcycles?|motorbikes?|buses|houses?|homes|buildings?|shops?|"
    r"huts|villages|weapons?|guns|rifles?|rounds|bullets|bombs?|rockets?|missiles?|drones?|"
    r"shells|vehicules?|voitures?|camions?|motos|maisons?|batiments?|boutiques?|armes|fusils?|"
    r"balles|obus|roquettes?|vehiculos?|coches?|carros|camionetas?|camiones|motocicletas?|"
    r"casas|viviendas?|edificios?|tiendas?|armas|fusiles|balas|cohetes|misiles"
)
_AFTER = re.compile(rf"\s*(?:-\s*|\s(?:de|of|del)\s+)?({_NOT_PEOPLE})\b|\s*%")


def thing_after(text: str, end: int) -> str | None:
    """What the figure ending at text[end] counts when the word right after it names no
    people ("años" in "15 años", "marzo" in "3 de marzo"), else None."""
    window = strip_accents(text[end : end + 40]).lower()
    m = _AFTER.match(window)
    return (m[1] or "percent") if m else None


def span_counts_things(span: str) -> str | None:
    """What the span's first figure counts when it is not people, else None ("8 véhicules
    incendiés, une dizaine de blessés" counts "vehicules")."""
    found = figures(span)
    return thing_after(span, found[0][1]) if found else None


def bare_figure_counts_things(span: str, article: str, end: int) -> str | None:
    """For a span that is only a figure ("15"), standing in the article up to `end`: what
    the article's next word says it counts, when that is not people."""
    found = figures(span)
    if len(found) != 1 or found[0][1] < len(span.rstrip()):
        return None
    return thing_after(article, end)
