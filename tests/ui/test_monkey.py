"""A seeded monkey: random keys, clicks, scrolls and resizes over every screen, and no note ever lost.

Each run types, clicks (single, double, triple), scrolls and resizes at
random over the reader, the glossary screen, help, the dialogs and the
command palette, on the sample article and on a hostile text (markup,
control characters, CJK and emoji, tabs, a very long line). Quitting is one
of the keys: the app then starts again on the same store, as a reader would.
The app must never raise; no background job may fail; and every note the
editor reported (``EntityDetail.NoteEdited``) must be in the store at the
end, with the text last written. A failure names the seed and the last
actions, so it can be replayed.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field

import pytest
from textual import events
from textual.message import Message
from textual.notifications import Notify

from glossary_tui.core.documents.document import Document, read_document
from glossary_tui.core.documents.sample import sample_path
from glossary_tui.core.entities.names import name_key
from glossary_tui.ui.app import GlossaryApp
from glossary_tui.ui.screens.reader import ReaderScreen
from glossary_tui.ui.widgets.entity_detail import EntityDetail
from tests.ui.fakes import FakeExtractor, MemoryStore
from tests.ui.snapshots.test_reader_snapshots import SAMPLE_NAMES
from tests.ui.support import NAMES, PARAGRAPHS, settle

HOSTILE = (
    "[bold]Pierre[/] met Anna Pavlovna in Moscow. [Illustration] [/] [@click=app.quit]x[/] [link=file:///]y[/link]\n\n"
    "\x1b[31mred\x1b[0m Napoleon \x07 bell \u202eevil\u202c zero\u200bwidth Petersburg \x00 nul \x9b2J c1\n"
    "日本語のテキスト Pierre 😀👍🏽 emoji, combining é, Tilsit\tTabs\there\tand\tthere\n\n"
    + "Moscow "
    + "y" * 6000
    + " Pierre\n\n"
    + "\n\n".join(PARAGRAPHS * 8)
    + "\n"
)

#: Keys the monkey presses, weighted towards the reader's own keys.
COMMAND_KEYS = [
    *"jknNetsvgmxHRLDu",
    "question_mark", "slash", "plus", "tab", "shift+tab", "escape", "enter", "space", "shift+space",
    "up", "down", "left", "right", "pageup", "pagedown", "home", "end", "backspace", "delete", "ctrl+p",
]  # fmt: skip
TYPED = string.ascii_letters + string.digits + " []/@=.,'\"-" + "éü日本😀"
QUIT_KEYS = ["q", "ctrl+c"]
SIZES = [(80, 24), (100, 30), (160, 48), (60, 20), (40, 12), (200, 60), (120, 40)]


@dataclass
class Run:
    """What a monkey run saw: its actions, the notes the editor reported, and any failure said on screen."""

    seed: int
    actions: list[str] = field(default_factory=list)
    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def hook(self, message: Message) -> None:
        if isinstance(message, EntityDetail.NoteEdited):
            self.notes[(message.entity.label, name_key(message.entity.name))] = message.note
        elif isinstance(message, Notify):
            notification = message.notification
            if "failed" in notification.title or "Could not save" in notification.message:
                self.failures.append(f"{notification.title}: {notification.message}")

    def where(self) -> str:
        return f"seed {self.seed}, after {len(self.actions)} actions; the last ones: {self.actions[-25:]}"


async def act(pilot, rng: random.Random, run: Run) -> None:
    """One random action."""
    app = pilot.app
    width, height = app.size
    roll = rng.random()
    if not isinstance(app.screen, ReaderScreen) and rng.random() < 0.2:
        key = rng.choice(["escape", "escape", "enter"])  # leave dialogs and other screens now and then
    elif roll < 0.45:
        key = rng.choice(COMMAND_KEYS)
    elif roll < 0.72:
        key = rng.choice(TYPED)
    elif roll < 0.735:
        key = rng.choice(QUIT_KEYS)
    else:
        key = ""
    if key:
        run.actions.append(f"press {key!r}")
        await pilot.press(key)
        return
    x, y = rng.randrange(width), rng.randrange(height)
    if roll < 0.90:
        times = rng.choice([1, 1, 2, 3])
        run.actions.append(f"click x{times} at {(x, y)}")
        await pilot.click(offset=(x, y), times=times)
    elif roll < 0.97:
        down = rng.random() < 0.6
        run.actions.append(f"scroll {'down' if down else 'up'} at {(x, y)}")
        # Pilot has no scroll of its own: the same private helper its clicks use.
        await pilot._post_mouse_events([events.MouseScrollDown if down else events.MouseScrollUp], offset=(x, y))
    else:
        size = rng.choice(SIZES)
        run.actions.append(f"resize to {size}")
        await pilot.resize_terminal(*size)


async def monkey(document: Document, names: dict[str, str], seed: int, count: int, tmp_path, monkeypatch) -> Run:
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "exports"))
    rng = random.Random(seed)
    store = MemoryStore()
    run = Run(seed)
    while len(run.actions) < count:
        app = GlossaryApp(document, FakeExtractor(names, chunk_size=500), store)
        try:
            async with app.run_test(size=rng.choice(SIZES), notifications=True, message_hook=run.hook) as pilot:
                while len(run.actions) < count and app.is_running:
                    await act(pilot, rng, run)
                if app.is_running:
                    await settle(app, pilot)
                    await app.action_quit()
        except Exception as error:
            raise AssertionError(f"the app raised {error!r}; {run.where()}") from error
        assert not run.failures, f"{run.failures}; {run.where()}"
    assert run.notes, "the monkey should have written some notes"
    stored = {key: store.notes.get(key, "") for key in run.notes}
    lost = {key: (text, stored[key]) for key, text in run.notes.items() if stored[key] != text}
    assert not lost, f"notes not as last written (written, stored): {lost}; {run.where()}"
    return run


def sample() -> Document:
    return read_document(sample_path())


def hostile() -> Document:
    return Document.from_text(HOSTILE, source="hostile.txt", title="Hostile [/] text")


async def test_monkey_on_the_sample(tmp_path, monkeypatch):
    await monkey(sample(), SAMPLE_NAMES, 1, 150, tmp_path, monkeypatch)


async def test_monkey_on_a_hostile_text(tmp_path, monkeypatch):
    await monkey(hostile(), NAMES, 2, 150, tmp_path, monkeypatch)


@pytest.mark.slow
@pytest.mark.parametrize(("document", "seed"), [("sample", 11), ("hostile", 12)])
async def test_monkey_long_run(document, seed, tmp_path, monkeypatch):
    names = SAMPLE_NAMES if document == "sample" else NAMES
    await monkey(sample() if document == "sample" else hostile(), names, seed, 2500, tmp_path, monkeypatch)
