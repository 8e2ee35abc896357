"""A rich progress bar on stderr, shown only on a terminal."""

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.articles import Article


class StepProgress:
    """Context manager yielding a callback `(item, status)`; silent when disabled.

    `item` is an Article (extraction) or a name (an evaluation case).
    """

    def __init__(
        self,
        console: Console,
        *,
        enabled: bool,
        label: str = "extracting",
        total: int | None = None,
    ) -> None:
        self.enabled = enabled
        self._progress = Progress(
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task("", total=total)
        self._done = 0

    def __call__(self, item: Article | str, status: str = "done") -> None:
        if self.enabled:
            self._done += 1
            name = item.id if isinstance(item, Article) else item
            self._progress.update(self._task, completed=self._done, description=name)

    def __enter__(self) -> "StepProgress":
        if self.enabled:
            self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.enabled:
            self._progress.stop()
