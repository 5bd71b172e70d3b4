"""HTML: the readable main text, one paragraph per block, via selectolax's HTML5 parser (lexbor).

The text is the page's ``<main>`` (or its one ``<article>``, else ``<body>``),
without scripts, styles, navigation, asides, and the site's header and footer.
Each block (paragraph, heading, list item, table cell, ...) becomes one
paragraph, separated by a blank line; ``<br>`` is a line break, whitespace
collapses as a browser collapses it, and ``<pre>`` keeps its own. Headings of
levels 1 to 3 are the chapters. The title is ``og:title``, else ``<title>``,
else the first ``<h1>``.
"""

from __future__ import annotations

import codecs

from selectolax.lexbor import LexborHTMLParser, LexborNode

from glossary_tui.core.documents.normalise import decode_bytes, normalise_text
from glossary_tui.core.documents.readers.reading import Chapter, Reading

_SKIPPED = frozenset(
    {
        "script",
        "style",
        "nav",
        "aside",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
        "form",
        "head",
        "title",
        "meta",
        "link",
        "input",
        "textarea",
    }
)
_PAGE_CHROME = frozenset({"header", "footer"})
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "body",
        "html",
    }
)
_CHAPTER_HEADINGS = frozenset({"h1", "h2", "h3"})
_LINE_BREAK = object()


def read_html(data: bytes, web_page: bool = True) -> Reading:
    """Read an HTML page into its title, paragraphs and headings.

    ``web_page=False`` (an EPUB chapter) keeps ``<header>`` and ``<footer>``,
    which in a book hold the chapter's own heading and notes.
    """
    tree = LexborHTMLParser(_decode(data))
    root = _main_content(tree)
    blocks = _blocks(root, skip_chrome=web_page and root.tag in ("body", "html"))
    parts: list[str] = []
    chapters: list[Chapter] = []
    offset = 0
    for tag, block in blocks:
        block = normalise_text(block)
        if tag in _CHAPTER_HEADINGS:
            chapters.append(Chapter(block, offset, int(tag[1])))
        parts.append(block)
        offset += len(block) + 2
    text = "\n\n".join(parts) + ("\n" if parts else "")
    return Reading(text=text, title=_title(tree, chapters), chapters=tuple(chapters))


def _decode(data: bytes) -> str:
    """The page's text: UTF-8 or a BOM first, then the charset it declares, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(LexborHTMLParser(data[:4096]))
    if declared:
        try:
            return data.decode(codecs.lookup(declared).name, errors="replace")
        except LookupError:
            pass
    return decode_bytes(data)


def _declared_charset(tree: LexborHTMLParser) -> str | None:
    meta = tree.css_first("meta[charset]")
    if meta is not None:
        return (meta.attributes.get("charset") or "").strip() or None
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "content-type":
            content = meta.attributes.get("content") or ""
            _, found, charset = content.lower().partition("charset=")
            if found:
                return charset.strip(" \"';") or None
    return None


def _main_content(tree: LexborHTMLParser) -> LexborNode:
    main = tree.css_first("main") or tree.css_first("[role=main]")
    if main is not None:
        return main
    articles = tree.css("article")
    if len(articles) == 1:
        return articles[0]
    root = tree.body or tree.root
    if root is None:  # lexbor always builds <html> and <body>, even for an empty page
        raise ValueError("the HTML parser built no document")
    return root


def _blocks(root: LexborNode, skip_chrome: bool) -> list[tuple[str, str]]:
    """``(tag, text)`` for every non-empty block under ``root``, in reading order (no recursion)."""
    blocks: list[tuple[str, str]] = []
    inline: list[object] = []
    preformatted = 0

    def flush(tag: str) -> None:
        text = _join(inline, keep_spaces=preformatted > 0)
        inline.clear()
        if text:
            blocks.append((tag, text))

    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            flush(tag)
            preformatted -= tag == "pre"
            continue
        if tag == "-text":
            inline.append(node.text(deep=False))
            continue
        if tag.startswith("-") or tag in _SKIPPED or (skip_chrome and tag in _PAGE_CHROME):
            continue
        if tag == "br":
            inline.append(_LINE_BREAK)
            continue
        if tag in _BLOCKS:
            flush("p")
            preformatted += tag == "pre"
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    flush("p")
    return blocks


def _join(fragments: list[object], keep_spaces: bool) -> str:
    """Inline fragments as one block's text: ``<br>`` as newlines, spaces collapsed unless preformatted."""
    lines: list[str] = [""]
    for fragment in fragments:
        if fragment is _LINE_BREAK:
            lines.append("")
        else:
            lines[-1] += str(fragment)
    if keep_spaces:
        return "\n".join(lines).strip("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def _title(tree: LexborHTMLParser, chapters: list[Chapter]) -> str | None:
    for selector in ('meta[property="og:title"]', 'meta[name="og:title"]', 'meta[name="twitter:title"]'):
        meta = tree.css_first(selector)
        content = " ".join((meta.attributes.get("content") or "").split()) if meta is not None else ""
        if content:
            return normalise_text(content)
    title = tree.css_first("title")
    text = " ".join(title.text().split()) if title is not None else ""
    if text:
        return normalise_text(text)
    return next((chapter.title for chapter in chapters), None)
