# Typed stub for the one function summarizer calls (num2words 0.5.x ships no types).
from typing import Any

def num2words(
    number: int | float | str,
    ordinal: bool = False,
    lang: str = "en",
    to: str = "cardinal",
    **kwargs: Any,
) -> str: ...
