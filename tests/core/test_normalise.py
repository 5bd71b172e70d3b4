"""Normalisation: one newline, no BOM, nothing a terminal acts on, offsets kept; decoding never fails."""

import codecs

import pytest

from glossary_tui.core.documents.normalise import decode_bytes, normalise_text


def test_clean_utf8_lf_text_is_unchanged():
    text = "Pierre Bezukhov met Natasha in Moscow.\n\tIndented — “quoted”, café, 東京, 👩‍👩‍👧.\n"
    assert normalise_text(text) == text
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\r\nb\r\n", "a\nb\n"), ("a\rb\r", "a\nb\n"), ("a\r\nb\rc\nd", "a\nb\nc\nd"), ("\r\r\n\n", "\n\n\n")],
    ids=["crlf", "lone-cr", "mixed", "cr-then-crlf"],
)
def test_line_ends_become_lf(raw, expected):
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Zürich\n".encode(),
        codecs.BOM_UTF16_LE + "Zürich\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Zürich\n".encode("utf-16-be"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_byte_order_marks_decide_the_encoding_and_are_dropped(encoded):
    assert normalise_text(decode_bytes(encoded)) == "Zürich\n"


def test_a_bom_left_in_a_decoded_string_is_dropped():
    assert normalise_text("\ufeffText") == "Text"


def test_windows_1252_is_detected():
    text = "François met Angela Merkel in Zürich. “Good,” he said — naïve résumé, 5 €.\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_invalid_utf8_in_utf8_text_becomes_replacement_characters():
    decoded = decode_bytes("Zürich and Genève ".encode() + b"\xc3\x28 \xff end")
    assert decoded.startswith("Zürich and Genève ")
    assert "\ufffd" in decoded and decoded.endswith(" end")


def test_bytes_no_encoding_explains_still_decode():
    assert isinstance(decode_bytes(bytes(range(0x80, 0x100)) * 3), str)


@pytest.mark.parametrize("code", [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)])
def test_c0_and_c1_controls_become_one_space_each(code):
    assert normalise_text(f"a{chr(code)}b") == "a b"


def test_nul_bytes_become_spaces():
    assert normalise_text("Anna\x00\x00Karenina") == "Anna  Karenina"


def test_tabs_stay():
    assert normalise_text("a\tb\t\tc") == "a\tb\t\tc"


@pytest.mark.parametrize(
    "sequence",
    [
        "\x1b[31m",
        "\x1b[0m",
        "\x1b[1;38;2;255;0;0m",
        "\x1b[2J",
        "\x1b[?1049h",
        "\x9b31m",
        "\x1b]0;title\x07",
        "\x1b]8;;https://example.com\x1b\\",
        "\x1bc",
        "\x1b(B",
        "\x1b",
    ],
)
def test_escape_sequences_are_blanked_whole_at_the_same_length(sequence):
    text = f"red{sequence}Moscow"
    result = normalise_text(text)
    assert result == "red" + " " * len(sequence) + "Moscow"
    assert "\x1b" not in result and "\x9b" not in result


@pytest.mark.parametrize("introducer", ["\x1bP", "\x1b]", "\x1bX", "\x1b^", "\x1b_"])
def test_a_string_escape_never_ended_blanks_its_escape_only(introducer):
    # A DCS/OSC/PM/APC string with no terminator is a stray ESC: the words after it are text, offsets kept.
    text = f"red{introducer}Pa and Moscow"
    assert normalise_text(text) == f"red {introducer[1:]}Pa and Moscow"


@pytest.mark.parametrize(
    "code", [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
)
def test_bidi_controls_become_spaces(code):
    assert normalise_text(f"abc{chr(code)}def") == "abc def"


@pytest.mark.parametrize("code", [0x200B, 0x2060, 0xFEFF])
def test_invisible_separators_become_spaces(code):
    assert normalise_text(f"x{chr(code)}y") == "x y"


def test_joiners_stay_for_emoji_and_scripts():
    text = "family 👩\u200d👩\u200d👧 and می\u200cخواهم"  # noqa: RUF001 - Arabic on purpose
    assert normalise_text(text) == text


def test_unicode_line_separators_become_newlines_so_lines_split_alike():
    result = normalise_text("one\u2028two\u2029three")
    assert result == "one\ntwo\nthree"
    assert result.splitlines() == result.split("\n")


def test_lone_surrogates_become_replacement_characters():
    result = normalise_text("a\ud800b")
    assert result == "a\ufffdb"
    result.encode("utf-8")


def test_after_newline_folding_the_length_is_kept():
    text = "A\x00B\x1b[1mC\u202eD\u200bE\tF\x85G"
    assert len(normalise_text(text)) == len(text)


def test_normalising_twice_changes_nothing():
    text = "\ufeffa\r\nb\x1b[31mc\u202ed\x00"
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_more_than_a_million_characters():
    text = "Natasha Rostova\r\n\x1b[1mdanced\x1b[0m.\t" * 40_000
    result = normalise_text(text)
    assert len(text) > 1_000_000
    assert len(result) == len(text) - 40_000
    assert "\r" not in result and "\x1b" not in result
