"""Shared material for the reader's tests: a small text with markup in it, and waiting for the app."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

PARAGRAPHS = [
    "Anna Pavlovna met Prince Vasili in Petersburg. [Illustration] The salon was full.",
    "Pierre arrived late from Moscow; Anna Pavlovna greeted him with a nod [/] reserved for the lowest.",
    "In Moscow the Rostovs were celebrating. Pierre wrote [@click=app.quit]x[/] in his diary.",
    "Napoleon met the Emperor at Tilsit, and Anna Pavlovna spoke of nothing else.",
]
#: Name -> label for the fake extractor.
NAMES = {
    "Anna Pavlovna": "PERSON",
    "Prince Vasili": "PERSON",
    "Pierre": "PERSON",
    "Napoleon": "PERSON",
    "Petersburg": "GPE",
    "Moscow": "GPE",
    "Tilsit": "GPE",
    "Rostovs": "NORP",
}
FILLER = "Nothing of note happened on this day, and the evening passed quietly by the fire."


def small_text(filler_paragraphs: int = 0) -> str:
    """The four paragraphs, with ``filler_paragraphs`` of filler before the last one."""
    filler = [FILLER] * filler_paragraphs
    return "\n\n".join([*PARAGRAPHS[:3], *filler, PARAGRAPHS[3]]) + "\n"


async def settle(app, pilot) -> None:
    """Wait until extraction and note loading are finished and the screen is up to date."""
    for _ in range(2):
        await workers_done(app)
        await pilot.pause()


async def workers_done(app) -> None:
    """Wait for every worker to end, failed ones too (reporting their failure is the app's job)."""
    await asyncio.gather(*(worker.wait() for worker in list(app.workers)), return_exceptions=True)


async def wait_until(pilot, condition: Callable[[], object], what: str = "the condition", limit: float = 30.0) -> None:
    """Let the app run until ``condition()`` is true.

    ``limit`` only turns a hang into a failure naming ``what``; it is never a timing expectation.
    """
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what} after {limit} s")
        await pilot.pause(0.01)


async def choose_in_palette(pilot, query: str, expected: str) -> None:
    """Open the command palette, type ``query``, and choose the top hit once it reads ``expected``."""
    from textual.command import CommandList

    def top_hit() -> str:
        lists = pilot.app.screen.query(CommandList)
        if not lists or lists.first().highlighted is None:
            return ""
        commands = lists.first()
        return str(commands.get_option_at_index(commands.highlighted).prompt).lower()

    await pilot.press("ctrl+p", *query)
    await wait_until(pilot, lambda: expected.lower() in top_hit(), f"{expected!r} at the top of the palette")
    await pilot.press("enter")
