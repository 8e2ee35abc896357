"""A rich progress bar on stderr, shown only on a terminal."""

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.articles import Article


class ArticleProgress:
    """Context manager yielding a callback `(article, status)`; silent when disabled."""

    def __init__(self, console: Console, *, enabled: bool) -> None:
        self.enabled = enabled
        self._progress = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task("", total=None)
        self._done = 0

    def __call__(self, article: Article, status: str) -> None:
        if self.enabled:
            self._done += 1
            self._progress.update(self._task, completed=self._done, description=article.id)

    def __enter__(self) -> "ArticleProgress":
        if self.enabled:
            self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.enabled:
            self._progress.stop()
