"""How far a document has been read: reading on moves it, jumping ahead does not."""

from __future__ import annotations

from glossary_tui.core.documents.progress import ReadingProgress


def test_reading_on_moves_the_furthest_point_and_going_back_does_not():
    progress = ReadingProgress(1000)
    assert progress.seen(0, 100) and progress.furthest == 100
    assert progress.seen(101, 200) and progress.furthest == 200
    assert not progress.seen(50, 150) and progress.furthest == 200
    assert progress.percent() == 20 and progress.percent(1000) == 100


def test_a_jump_ahead_is_not_reading():
    progress = ReadingProgress(1000, furthest=100)
    assert not progress.seen(900, 1000) and progress.furthest == 100
    assert progress.seen(150, 250) and progress.furthest == 250  # within a screen of what was read


def test_limits():
    assert ReadingProgress(1000, furthest=5000).furthest == 1000
    assert ReadingProgress(0).percent() == 100
    progress = ReadingProgress(100)
    assert progress.seen(0, 500) and progress.furthest == 100
