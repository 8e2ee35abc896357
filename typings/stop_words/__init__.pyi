# Stub for stop-words 2025.x (annotated, but shipped without py.typed): only what
# summarizer calls, with the package's own signature.

def get_stop_words(language: str, *, cache: bool = True) -> list[str]: ...
