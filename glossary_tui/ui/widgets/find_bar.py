"""Find in the text: a search box under the article; its matches are highlighted there and walked one by one.

Case, accents, quote styles and line breaks are ignored (see
:mod:`glossary_tui.core.documents.find`). Matches are looked for in a worker
as the reader types; ``enter`` (in the box) and ``n`` / ``N`` (elsewhere, the
screen forwards them) go to the next and previous match, "match 3 of 41".
While the bar is open the article highlights the matches instead of the
entities; closing it (``esc``) posts :class:`FindBar.Closed` so the screen
brings the entities back.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from glossary_tui.core.documents.find import MAX_MATCHES, TextSearch
from glossary_tui.core.extraction.mentions import Mention
from glossary_tui.ui.widgets.article_view import ArticleView

#: The label find matches carry in the article (they are drawn like mentions of no known label).
FIND_LABEL = "FIND"


class FindBar(Horizontal):
    """A search box for the article's text, and where the reader is among its matches."""

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        display: none;
        background: $boost;
        padding: 0 1;
    }
    FindBar.-open {
        display: block;
    }
    FindBar #find-input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0;
        background: $boost;
    }
    FindBar #find-count {
        width: auto;
        color: $text-muted;
    }
    """

    @dataclass
    class Closed(Message):
        """The reader closed the find bar: the article should show the entities again."""

    @dataclass
    class _Found(Message):
        """A worker's matches for ``query``."""

        query: str
        matches: list[Mention]

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._search = TextSearch(text)
        #: The matches of the phrase in the box, in text order, as mentions the article can highlight.
        self.matches: list[Mention] = []
        #: Index of the match the reader is at, if they have gone to one.
        self.current: int | None = None

    def compose(self) -> ComposeResult:
        """The search box and the count."""
        yield Input(placeholder="f find in the text · enter next · n / N in the article · esc close", id="find-input")
        yield Static(id="find-count")

    @property
    def active(self) -> bool:
        """True while the bar is open: ``n``/``N`` walk the matches and the article shows them."""
        return self.has_class("-open")

    @property
    def input(self) -> Input:
        """The search box."""
        return self.query_one("#find-input", Input)

    def open(self) -> None:
        """Open the bar (keeping the last phrase, selected) and put the cursor in it."""
        self.add_class("-open")
        self.input.focus()
        self.input.select_all()
        self._highlight()

    def close(self) -> None:
        """Close the bar; the phrase stays for next time."""
        if self.active:
            self.remove_class("-open")
            self.post_message(self.Closed())

    def step(self, direction: int) -> None:
        """Go to the next (``1``) or previous (``-1``) match, wrapping round."""
        if not self.matches:
            self.app.bell()
            return
        if self.current is None:
            start, _ = self._article.visible_range
            after = next((i for i, match in enumerate(self.matches) if match.start >= start), 0)
            self.current = after if direction > 0 else after - 1
        else:
            self.current += direction
        self.current %= len(self.matches)
        self._highlight(scroll=True)

    # -- events ---------------------------------------------------------------------------

    @on(Input.Changed, "#find-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(event.value)

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.step(1)

    @work(thread=True, group="find", exit_on_error=False)
    def _find(self, query: str) -> None:
        """Look for ``query`` off the UI thread (a common word has thousands of matches in a book)."""
        found = [Mention(start, end, "", FIND_LABEL) for start, end in self._search.find_all(query)]
        if not get_current_worker().is_cancelled:
            self.post_message(self._Found(query, found))

    @on(_Found)
    def _found(self, message: _Found) -> None:
        if message.query != self.input.value:
            return  # the reader has typed on since
        self.matches = message.matches
        self.current = None
        self._highlight()

    # -- showing ----------------------------------------------------------------------------

    @property
    def _article(self) -> ArticleView:
        return self.screen.query_one(ArticleView)

    def _highlight(self, scroll: bool = False) -> None:
        """Show the matches in the article (the current one most), and the count in the bar."""
        self.query_one("#find-count", Static).update(self._count())
        if not self.active:
            return
        article = self._article
        current = self.matches[self.current] if self.current is not None else None
        article.set_mentions(self.matches)
        article.select(self.matches, current)
        if scroll and current is not None:
            article.show_offset(current.start)

    def _count(self) -> Content:
        total = len(self.matches)
        if not self.input.value.strip():
            return Content("")
        if not total:
            return Content.styled("no match", "$text-warning")
        shown = f"{total:,}+" if total >= MAX_MATCHES else f"{total:,}"
        if self.current is None:
            return Content(f"{shown} match{'es' if total != 1 else ''}")
        return Content.assemble("match ", (f"{self.current + 1:,}", "bold"), f" of {shown}")
