"""Lists and dialogs: the merge and split dialogs, labels after a split or merge, the filter, the mentions box."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList

from glossary_tui.core.entities.corrections import Correction
from glossary_tui.ui.screens.dialogs import ChoiceScreen
from glossary_tui.ui.widgets.entity_browser import EntityBrowser
from tests.ui.fakes import FakeExtractor
from tests.ui.support import NAMES, settle, small_text


def choices(app) -> list[str]:
    assert isinstance(app.screen, ChoiceScreen)
    return [str(option.prompt) for option in app.screen.query_one("#choices", OptionList).options]


async def select(app, pilot, name: str) -> None:
    app.screen.go_to_entity(next(e.id for e in app.screen.entities if e.name == name))
    await settle(app, pilot)


async def test_merge_dialog_lists_by_mention_count_with_counts(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Tilsit")
        await pilot.press("m")
        listed = choices(app)
        assert listed[0].startswith("Anna Pavlovna") and "3 mentions" in listed[0]
        assert any(row.startswith("Napoleon") and "1 mention" in row and "mentions" not in row for row in listed)
        counts = [e.count for e in sorted(app.screen_stack[-2].entities, key=lambda e: -e.count) if e.name != "Tilsit"]
        assert [int(row.rsplit("· ", 1)[1].split()[0]) for row in listed] == counts
        await pilot.press("down")  # from the filter box into the list
        assert app.focused.id == "choices"


async def test_split_dialog_shows_each_spellings_count(make_app, store):
    store.add_correction(
        Correction("merge", "Pierre", "PERSON", target_name="Napoleon", target_label="PERSON").to_record()
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Napoleon")
        await pilot.press("D")
        assert choices(app) == ["Pierre  · 2 mentions"]


async def test_a_merge_of_two_labels_asks_which_to_keep(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Petersburg")
        await pilot.press("m", *"pierre", "enter")
        await pilot.pause()
        labels = choices(app)
        assert [row.split()[0] for row in labels] == ["PERSON", "GPE"]
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)
        merged = app.screen.selected
        assert (merged.name, merged.label, merged.aliases) == ("Pierre", "GPE", ("Petersburg",))
        assert [record.get("value") for record in store.corrections()] == ["GPE"]


async def test_the_filter_puts_the_exact_name_first_and_drops_scattered_letters(make_app):
    names = {**NAMES, "Most Secret Commission of War": "ORG"}
    text = small_text(3) + "The Most Secret Commission of War sat in Moscow.\n"
    app = make_app(text=text, extractor=FakeExtractor(names))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        browser = app.screen.query_one(EntityBrowser)
        await pilot.press("slash", *"moscow")
        assert [e.name for e in browser.shown_entities()] == ["Moscow"]
        await pilot.press("enter")
        assert browser.highlighted_entity.name == "Moscow"


async def test_the_mentions_box_lists_one_line_per_mention_around_the_current_one(make_app):
    app = make_app(text=small_text(10))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "Anna Pavlovna")
        await pilot.press("n", "n")
        mentions = app.screen.query_one("#mention-list", OptionList)
        assert mentions.option_count == 3
        assert mentions.virtual_size.height == 3  # one line each: nothing of one mention shows beside another
        assert mentions.scrollable_content_region.height >= 3  # its neighbours show too
        rows = [mentions.render_line(y).text for y in range(3)]
        assert rows[1].lstrip().startswith("2") and "Anna Pavlovna" in rows[1]
        assert mentions.highlighted == 1


async def test_one_mention_is_one_mention_in_the_palette(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"napoleon")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        while not palette.query("CommandList Option") and not palette.query_one("CommandList").option_count:
            await pilot.pause(0.05)
        hits = [str(option.prompt) for option in palette.query_one("CommandList", OptionList).options]
        assert any("1 mention" in hit and "1 mentions" not in hit for hit in hits), hits


async def test_the_list_follows_its_reactive_settings(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        browser = app.screen.query_one(EntityBrowser)
        browser.label = "GPE"
        await pilot.pause()
        listed = [str(option.prompt) for option in app.screen.query_one("#entity-list", OptionList).options]
        assert listed[0] == "GPE 3" and len(listed) == 4
        browser.filter_text = "tils"
        await pilot.pause()
        assert [e.name for e in browser.shown_entities()] == ["Tilsit"]
        assert "t GPE" in str(app.screen.query_one("#entity-settings").render())
