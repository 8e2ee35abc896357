# Stub for text2num 2.x (a compiled extension without type information): only what
# summarizer calls. Signature from the extension's __text_signature__ and docstring.

def alpha2digit(text: str, lang: str, threshold: float = 3.0) -> str:
    """`text` with the spelled numbers of language `lang` in digits; an isolated number
    is converted only when its value is above `threshold`."""
