"""Which articles may report a disease outbreak: those naming a disease, an infection or
cases of one, in English, French or Spanish. An article with none of these words (a
budget, a harvest) is not sent to the model (kind.yaml's `gate:`). Broad on purpose: a
word too many costs one extraction, a missing word would lose a real report. Not generic
health words ("health", "clinic", "died"), which budgets and crime reports use too."""

import re

_DISEASE = re.compile(
    r"\b(?:"
    # What spreads (EN).
    r"outbreak|epidemic|pandemic|endemic|disease|infect|virus|viral|bacteri|pathogen|"
    r"contagio|transmi|quarantin|symptom|vaccin|immunis|immuniz|cases?\b|"
    # Named diseases (EN; most read the same in French and Spanish).
    r"cholera|fever|measles|ebola|mpox|monkeypox|dengue|malaria|polio|diphtheria|"
    r"meningitis|plague|anthrax|influenza|flu\b|covid|coronavirus|hepatitis|typhoid|"
    r"lassa|marburg|pertussis|whooping|tubercul|rabies|zika|chikungunya|"
    # French.
    r"[ée]pid[ée]mi|maladie|fi[èe]vre|rougeole|chol[ée]ra|paludisme|m[ée]ningite|cas\b|"
    # Spanish.
    r"brote|epidemia|enfermedad|fiebre|sarampi[óo]n|c[óo]lera|paludismo|casos?\b|vacun"
    r")",
    re.IGNORECASE,
)


def may_report_outbreak(text: str) -> bool:
    """False only when the text names no disease, infection or cases at all."""
    return _DISEASE.search(text) is not None
