"""Notes and corrections land where the reader meant: on the entity, in the glossary screen and in the export.

The text reproduces what War and Peace does to the grouping: "MOSCOW PIERRE" makes
one entity of Pierre and Moscow, the model calls Natásha a place and Natásha
Rostóva an organisation, and "Natásha" joins "Petersburg Natásha".
"""

from __future__ import annotations

from glossary_tui.core.documents.document import read_document
from glossary_tui.core.store.exchange import export_text
from glossary_tui.core.store.glossary_store import open_store
from glossary_tui.ui.app import GlossaryApp
from glossary_tui.ui.screens.glossary import GlossaryScreen
from glossary_tui.ui.screens.reader import ReaderScreen
from tests.ui.fakes import FakeExtractor
from tests.ui.support import choose_in_palette, settle, wait_until

NAMES = {
    "Moscow Pierre": "PERSON",
    "Pierre": "PERSON",
    "Petersburg Natásha": "GPE",
    "Natásha": "GPE",
    "Natásha Rostóva": "ORG",
    "Napoleon": "PERSON",
    "Bonaparte": "PERSON",
    "Moscow": "GPE",
}
TEXT = """MOSCOW PIERRE

Moscow Pierre was back in Moscow. Pierre thought of Petersburg Natásha, and Natásha laughed.
Natásha Rostóva danced. Napoleon marched; Bonaparte waited. Pierre and Natásha met in Moscow.
Natásha Rostóva sang, and Napoleon heard of it. Pierre smiled.
"""


def reader(db, text: str = TEXT, names: dict[str, str] = NAMES, title: str = "War and Peace, a bit") -> GlossaryApp:
    source = db.parent / f"{title}.txt"
    source.write_text(text, encoding="utf-8")
    return GlossaryApp(read_document(source), FakeExtractor(names), open_store(db))


async def read_once(app: GlossaryApp) -> None:
    """Open the reader on its document until its entities are found and recorded, then leave."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)


def named(app, name: str, label: str | None = None):
    return next(e for e in app.screen.entities if e.name == name and (label is None or e.label == label))


async def select(app, pilot, name: str, label: str | None = None) -> None:
    app.screen.go_to_entity(named(app, name, label).id)
    await settle(app, pilot)


async def correct(app, pilot, name: str, key: str, answer: str, label: str | None = None, *then: str) -> None:
    """Select ``name``, press the correction ``key``, answer its dialog (filter, then enter), then press ``then``."""
    await select(app, pilot, name, label)
    await pilot.press(key)
    await pilot.pause()
    await pilot.press(*answer, "enter")
    if then:
        await pilot.pause()
        await pilot.press(*then)
    await settle(app, pilot)


async def write_note(app, pilot, name: str, note: str, label: str | None = None) -> None:
    await select(app, pilot, name, label)
    await pilot.press("e", *note, "escape")
    await settle(app, pilot)


async def glossary_entries(app, pilot) -> dict[tuple[str, str], tuple[int, str]]:
    """Open the glossary screen and read (name, label) -> (mentions, note) off it; then back."""
    await pilot.press("g")
    await settle(app, pilot)
    assert isinstance(app.screen, GlossaryScreen)
    shown = {(e.name, e.label): (sum(o.count for o in e.documents), e.note) for e in app.screen.entries}
    await pilot.press("escape")
    await settle(app, pilot)
    return shown


async def test_corrections_and_notes_land_in_the_glossary_and_the_export(tmp_path):
    db = tmp_path / "glossary.json"
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # Named by its most frequent form, the group holds "Petersburg Natásha" as an alias.
        await correct(app, pilot, "Natásha", "D", "Petersburg Natásha", label="GPE")
        await correct(app, pilot, "Natásha", "L", "PERSON", label="GPE")
        await correct(app, pilot, "Natásha Rostóva", "m", "Natásha", None, "enter")  # keeps Natásha's PERSON
        await correct(app, pilot, "Moscow Pierre", "D", "Pierre")
        await correct(app, pilot, "Moscow Pierre", "x", "")
        await correct(app, pilot, "Bonaparte", "m", "Napoleon")
        await write_note(app, pilot, "Pierre", "Count Bezukhov's son")
        await write_note(app, pilot, "Natásha", "The younger Rostóva")
        entries = await glossary_entries(app, pilot)
    assert ("Natásha", "GPE") not in entries and ("Natásha Rostóva", "ORG") not in entries
    assert entries[("Natásha", "PERSON")] == (4, "The younger Rostóva")
    assert entries[("Petersburg Natásha", "GPE")] == (1, "")
    assert entries[("Pierre", "PERSON")] == (3, "Count Bezukhov's son")
    assert not any(name == "Moscow Pierre" for name, _ in entries)
    assert entries[("Napoleon", "PERSON")][0] == 3 and ("Bonaparte", "PERSON") not in entries
    markdown = export_text(open_store(db), "md")
    assert "## Moscow Pierre" not in markdown and "## Bonaparte" not in markdown
    pierre = markdown[markdown.index("## Pierre") :]
    assert pierre.split("\n## ")[0].rstrip().endswith("Count Bezukhov's son")
    natasha = markdown[markdown.index("## Natásha") :]
    assert "**Label:** PERSON" in natasha.split("\n## ")[0] and "The younger Rostóva" in natasha.split("\n## ")[0]


async def test_a_note_stays_on_its_entity_when_a_later_grouping_merges_it_into_another(tmp_path):
    db = tmp_path / "glossary.json"
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await correct(app, pilot, "Moscow Pierre", "D", "Pierre")
        await write_note(app, pilot, "Pierre", "The hero")
        await pilot.press("u")  # the split undone: Pierre's mentions are Moscow Pierre's again
        await settle(app, pilot)
        await select(app, pilot, "Moscow Pierre")
        assert app.screen.query_one("#note").text == "The hero"  # it holds Pierre now
        await write_note(app, pilot, "Natásha Rostóva", "Countess")
    # Reopened with the split made again, the note is Pierre's, not Moscow Pierre's.
    store = open_store(db)
    store.add_correction({"kind": "split", "name": "Moscow Pierre", "label": "PERSON", "value": "Pierre"})
    again = reader(db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        await select(again, pilot, "Moscow Pierre")
        assert again.screen.query_one("#note").text == ""
        await select(again, pilot, "Pierre")
        assert again.screen.query_one("#note").text == "The hero"


GREAT_EXPECTATIONS = "Joe Gargery was a smith. Joe laughed. Joseph, said my sister. Joe nodded.\n"
WAR_AND_PEACE = "Joseph Alexéevich was a mason. Joseph spoke. Joseph Alexéevich smiled.\n"
JOSEPHS = {"Joe Gargery": "PERSON", "Joe": "PERSON", "Joseph": "PERSON", "Joseph Alexéevich": "PERSON"}


async def test_a_shared_first_name_does_not_link_unrelated_books(tmp_path):
    db = tmp_path / "glossary.json"
    await read_once(reader(db, WAR_AND_PEACE, JOSEPHS, "War and Peace"))
    expectations = reader(db, GREAT_EXPECTATIONS, JOSEPHS, "Great Expectations")
    async with expectations.run_test(size=(120, 40)) as pilot:
        await settle(expectations, pilot)
        await select(expectations, pilot, "Joseph")
        assert "War and Peace" not in str(expectations.screen.query_one("#detail-facts").render())
        await write_note(expectations, pilot, "Joseph", "Joe, as my sister calls him")
    war = reader(db, WAR_AND_PEACE, JOSEPHS, "War and Peace")
    async with war.run_test(size=(120, 40)) as pilot:
        await settle(war, pilot)
        await select(war, pilot, "Joseph Alexéevich")
        assert war.screen.query_one("#note").text == ""
        assert "Great Expectations" not in str(war.screen.query_one("#detail-facts").render())


FILLER = "Nothing happened that day, and the evening passed quietly by the fire. " * 3
CAST = ("Elizabeth Bennet", "Fitzwilliam Darcy", "Jane Bennet")


def volume(extra: str) -> str:
    """A book where the cast is mentioned all through, and ``extra`` in the middle."""
    part = " ".join(f"{name} spoke." for name in CAST)
    return "\n\n".join([FILLER, part, FILLER, part, f"{extra} laughed.", FILLER, part, FILLER]) + "\n"


async def test_a_first_name_links_books_of_one_series_the_reader_sees_why_and_can_undo_it(tmp_path):
    db = tmp_path / "glossary.json"
    names = {**dict.fromkeys(CAST, "PERSON"), "Lydia": "PERSON"}
    first = reader(db, volume("Lydia"), names, "Volume One")
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(first, pilot)
        await write_note(first, pilot, "Lydia", "The youngest sister")
    second = reader(db, volume("Lydia Lydia"), names, "Volume Two")
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(second, pilot)
        await select(second, pilot, "Lydia")
        facts = str(second.screen.query_one("#detail-facts").render())
        assert "also in Volume One" in facts and "related documents" in facts
        assert second.screen.query_one("#note").text == "The youngest sister"
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("enter")
        await settle(second, pilot)
        assert "Volume One" not in str(second.screen.query_one("#detail-facts").render())
        assert second.screen.query_one("#note").text == ""
    again = reader(db, volume("Lydia Lydia"), names, "Volume Two")
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        await select(again, pilot, "Lydia")
        assert "Volume One" not in str(again.screen.query_one("#detail-facts").render())


async def test_a_link_says_what_the_entity_is_called_in_the_other_document(tmp_path):
    db = tmp_path / "glossary.json"
    names = {**dict.fromkeys(CAST, "PERSON"), "Lydia": "PERSON", "Lydia Bennet": "PERSON"}
    first = reader(db, volume("Lydia Bennet laughed, and Lydia"), names, "Volume One")
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(first, pilot)
        assert named(first, "Lydia Bennet").aliases == ("Lydia",)
    second = reader(db, volume("Lydia"), names, "Volume Two")
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(second, pilot)
        await select(second, pilot, "Lydia")
        facts = str(second.screen.query_one("#detail-facts").render())
        assert "also in Volume One.txt as Lydia Bennet (2, same name in related documents)" in facts


async def test_the_glossary_opens_on_notes_by_document_and_opens_a_document_on_the_entry(tmp_path):
    db = tmp_path / "glossary.json"
    await read_once(reader(db, WAR_AND_PEACE, JOSEPHS, "War and Peace"))
    app = reader(db, GREAT_EXPECTATIONS, JOSEPHS, "Great Expectations")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await write_note(app, pilot, "Joseph", "Joe, as my sister calls him")
        await pilot.press("g")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        first = screen.query_one("#glossary-list").get_option_at_index(0)
        assert str(first.prompt).startswith("✎ Joseph")  # notes first
        await pilot.press("n")
        assert [entry.name for entry in screen._shown.values()] == ["Joseph"]
        await pilot.press("n", "d", "enter")  # the document first offered is the one being read
        await settle(app, pilot)
        assert {entry.name for entry in screen._shown.values()} >= {"Joe Gargery", "Joseph"}
        await pilot.press("d", *"war and", "enter")
        await settle(app, pilot)
        assert [entry.name for entry in screen._shown.values()] == ["Joseph Alexéevich"]
        assert "in War and Peace" in screen.sub_title
        await pilot.press("enter", "enter")  # to the entry's documents, then open the first
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.document.title == "War and Peace.txt"
        assert app.screen.selected is not None and app.screen.selected.name == "Joseph Alexéevich"


async def test_export_from_the_palette_asks_where_and_says_where(tmp_path):
    db = tmp_path / "glossary.json"
    app = reader(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await write_note(app, pilot, "Napoleon", "a note [b]x[/b]")
        await choose_in_palette(pilot, "export the glossary as markdown", "markdown")
        await wait_until(pilot, lambda: bool(app.screen.query("#prompt-input")), "the export path prompt")
        prompt = app.screen.query_one("#prompt-input")
        assert prompt.value == str(tmp_path / "War and Peace, a bit glossary.md")
        await pilot.press("enter")
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
    written = tmp_path / "War and Peace, a bit glossary.md"
    assert "a note [b]x[/b]" in written.read_text(encoding="utf-8")
    assert any(str(written) in message for message in messages)


async def test_a_correction_changes_every_document_it_touches_in_the_glossary(tmp_path):
    db = tmp_path / "glossary.json"
    await read_once(reader(db, title="First"))
    second = reader(db, "Napoleon and Bonaparte met in Moscow.\n", title="Second")
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(second, pilot)
        await correct(second, pilot, "Bonaparte", "m", "Napoleon")
        await pilot.press("g")
        await settle(second, pilot)
        found = sorted((e.name, o.title, o.count) for e in second.screen.entries for o in e.documents)
    # One word, unrelated books: two Napoleons, each with the Bonaparte of its own book.
    assert [row for row in found if row[0] in ("Napoleon", "Bonaparte")] == [
        ("Napoleon", "First.txt", 3),
        ("Napoleon", "Second.txt", 2),
    ]


#: The sample article's people as it introduces them (with markup-like text around, as a web page may have).
SAMPLE_LIKE = (
    "The Russian Foreign Minister, Sergey Lavrov, welcomed the Hamas delegation in Moscow [/] on 12 September.\n\n"
    "According to a press statement released by Hamas media advisor Taher al-Nono, Haniyeh will meet with "
    "Sergey Lavrov.\n"
)
SAMPLE_NAMES = {"Sergey Lavrov": "PERSON", "Hamas": "ORG", "Moscow": "GPE", "Taher al-Nono": "PERSON"}


async def test_the_readers_export_says_who_each_entity_is(tmp_path):
    db = tmp_path / "glossary.json"
    app = reader(db, SAMPLE_LIKE, SAMPLE_NAMES, title="Talks")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("E")
        await wait_until(pilot, lambda: bool(app.screen.query("#choice-filter")), "the export format choice")
        await pilot.press(*"markdown", "enter")
        await wait_until(pilot, lambda: bool(app.screen.query("#prompt-input")), "the export path prompt")
        await pilot.press("enter")
        await settle(app, pilot)
    markdown = (tmp_path / "Talks glossary.md").read_text(encoding="utf-8")
    lavrov = markdown[markdown.index("## Sergey Lavrov") :].split("\n## ")[0]
    assert "- **Description:** Russian Foreign Minister\n" in lavrov
    assert "- **Description:** Hamas media advisor\n" in markdown[markdown.index("## Taher al-Nono") :]
