"""Shared material for the reader's tests: a small text with markup in it, and waiting for the app."""

from __future__ import annotations

PARAGRAPHS = [
    "Anna Pavlovna met Prince Vasili in Petersburg. [Illustration] The salon was full.",
    "Pierre arrived late from Moscow; Anna Pavlovna greeted him with a nod [/] reserved for the lowest.",
    "In Moscow the Rostovs were celebrating. Pierre wrote [@click=app.quit]x[/] in his diary.",
    "The Emperor and Napoleon met at Tilsit, and Anna Pavlovna spoke of nothing else.",
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
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
