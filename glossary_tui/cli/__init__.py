"""The ``glossary-tui`` command: the reader by default, and headless subcommands.

``glossary-tui [FILE]`` opens the reader; ``glossary-tui extract FILE`` and
the other subcommands run without a terminal UI. Every user-facing error is
one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from glossary_tui.core.errors import GlossaryError

#: Exit status for bad input, a missing model or an unusable store.
EXIT_USAGE = 2


def _subcommands() -> dict[str, Callable[[Sequence[str]], int]]:
    from glossary_tui.cli import extract, reader

    return {"extract": extract.run, "read": reader.run}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = _subcommands()
    command = commands.get(args[0]) if args else None
    try:
        if command is not None:
            return command(args[1:])
        return commands["read"](args)
    except GlossaryError as error:
        print(f"glossary-tui: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("glossary-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
