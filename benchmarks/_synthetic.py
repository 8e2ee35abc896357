"""A synthetic news day for the benchmarks: incidents, the articles reporting them, and a
scripted model that answers each article with the verbatim spans a good model would copy.

Realistic spread: a few busy countries and a long tail, 1-5 outlets per incident with
different wording and tolls that rise on later publication days, some same-day incidents
in the same country, and about one article in eight about no incident.
"""

import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fakes import Reply, completion

# (country, weight, towns, groups). Towns are not first-level regions, so the place
# classifier keeps them as locations.
GEOGRAPHY = [
    ("Mali", 8, ["Soumpi", "Boni", "Ansongo", "Tessit", "Niono", "Diafarabe"], ["JNIM", "ISSP"]),
    ("Nigeria", 8, ["Konduga", "Gwoza", "Damboa", "Monguno", "Dikwa"], ["Boko Haram", "ISWAP"]),
    ("Burkina Faso", 6, ["Djibo", "Arbinda", "Solenzo", "Diapaga"], ["JNIM", "VDP"]),
    ("Niger", 4, ["Ayorou", "Torodi", "Banibangou", "Tera"], ["ISSP", "JNIM"]),
    ("Somalia", 4, ["Afgooye", "Baidoa", "Beledweyne", "Jowhar"], ["al-Shabaab"]),
    ("Sudan", 4, ["El Fasher", "Tawila", "Kutum", "Babanusa"], ["Rapid Support Forces"]),
    ("Mozambique", 2, ["Palma", "Macomia", "Mueda"], ["Islamic State Mozambique"]),
    ("Cameroon", 2, ["Mora", "Kolofata", "Amchide"], ["Boko Haram"]),
    ("Chad", 1, ["Bol", "Ngouboua"], ["Boko Haram"]),
    ("Benin", 1, ["Karimama", "Banikoara"], ["JNIM"]),
]
TARGETS = ["soldiers", "villagers", "a police post", "traders", "a military convoy"]
VERBS = [
    "{perp} fighters attacked {target} in {town}, {country}, {when}, {toll}, {source} said.",
    "{source} said {perp} fighters attacked {target} in {town}, {country}, {when}, {toll}.",
    "In {town}, {country}, {perp} fighters attacked {target} {when}, {toll}, according to {source}.",
]
SOURCES = ["local officials", "a security source", "residents", "the army", "a local chief"]
FILLER = (
    "The area has seen repeated attacks in recent months. Humanitarian groups said access "
    "to the affected villages remained difficult, and several families had fled toward the "
    "nearest town. Officials promised reinforcements and an investigation."
)
PATTERN = re.compile(
    r"(?P<perp>[A-Z][\w' -]+?) fighters attacked (?P<target>.+?) in (?P<town>[^,]+), "
    r"(?P<country>[^,]+),.*?(?P<when>on \d+ \w+ \d{4}).*?(?P<toll>killing \d+ people)"
)
START = date(2025, 3, 1)


@dataclass(frozen=True)
class Incident:
    n: int
    country: str
    town: str
    perp: str
    target: str
    day: date
    killed: int


SYLLABLES = ["ba", "bou", "da", "di", "ga", "ka", "ko", "ma", "mou", "na", "ni", "sa", "so",
             "ta", "te", "to", "ya", "za"]  # fmt: skip


def _town(rng: random.Random) -> str:
    # Made-up village names: a big feed names many more places than any list here.
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def incidents(count: int, seed: int = 7, days: int = 3) -> list[Incident]:
    rng = random.Random(seed)
    weights = [w for _, w, _, _ in GEOGRAPHY]
    villages = {c: [_town(rng) for _ in range(max(0, count // 40))] for c, *_ in GEOGRAPHY}
    out = []
    for n in range(count):
        country, _, towns, groups = rng.choices(GEOGRAPHY, weights)[0]
        out.append(
            Incident(
                n=n,
                country=country,
                town=rng.choice(towns + villages[country]),
                perp=rng.choice(groups),
                target=rng.choice(TARGETS),
                day=START + timedelta(days=rng.randrange(days)),
                killed=rng.randint(2, 60),
            )
        )
    return out


def articles(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """`count` articles as jsonl records (id, text, published, outlet)."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for inc in incidents(max(1, count // 2), seed):
        for k in range(rng.randint(1, 5)):
            if len(out) >= count:
                return out
            if rng.random() < 0.125:
                out.append(_not_incident(len(out), inc, rng))
                continue
            published = inc.day + timedelta(days=min(k, 1))
            toll = inc.killed + (k if published > inc.day else 0)
            text = rng.choice(VERBS).format(
                perp=inc.perp,
                target=inc.target,
                town=inc.town,
                country=inc.country,
                when=f"on {inc.day.day} {inc.day:%B %Y}",
                toll=f"killing {toll} people",
                source=rng.choice(SOURCES),
            )
            body = f"{text}\n\n{FILLER} (Report {len(out)} of incident {inc.n}.)"
            out.append(
                {
                    "id": f"a{len(out):05d}",
                    "text": body,
                    "published": published.isoformat(),
                    "outlet": f"Outlet {k}",
                }
            )
    return out


def _not_incident(i: int, inc: Incident, rng: random.Random) -> dict[str, Any]:
    text = f"Markets in {inc.town} reopened after the holiday, traders said. (Note {i}.)"
    return {"id": f"a{i:05d}", "text": text, "published": inc.day.isoformat(), "outlet": "Outlet"}


def extraction(article_text: str) -> dict[str, Any]:
    """What a good model copies out of one synthetic article."""
    m = PATTERN.search(article_text)
    if m is None:
        return {"is_incident": False, "event_type": "other", "title": "Markets reopen",
                "summary": "Markets reopened."}  # fmt: skip
    return {
        "is_incident": True,
        "event_type": "battle" if m["target"] in ("soldiers", "a military convoy") else
        "violence_against_civilians",
        "date_text": m["when"],
        "country": m["country"],
        "town": m["town"],
        "perpetrators": [m["perp"]],
        "targets": [m["target"]],
        "killed": m["toll"],
        "title": f"{m['perp']} attack in {m['town']}",
        "summary": m.group(0)[:300],
    }  # fmt: skip


def scripted_model(delay: float = 0.0) -> Any:
    """A FakeServer handler: reads the article out of the prompt and answers its spans."""

    def handler(request: dict[str, Any]) -> Reply:
        prompt = "\n".join(m.get("content") or "" for m in request["messages"])
        body = completion(json.dumps(extraction(prompt)), prompt_tokens=600, completion_tokens=120)
        return Reply(body=body, delay=delay)

    return handler
