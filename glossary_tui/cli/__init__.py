"""The ``glossary-tui`` command: the reader by default, and headless subcommands.

``glossary-tui [FILE]`` opens the reader; ``glossary-tui extract FILE`` and
the other subcommands run without a terminal UI. Every user-facing error is
one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

from glossary_tui.cli.subcommands import SUBCOMMANDS
from glossary_tui.core.errors import GlossaryError

#: Exit status for bad input, a missing model or an unusable store.
EXIT_USAGE = 2

#: The module run when the first argument is not a subcommand: the reader itself.
READER = "reader"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        module, args = SUBCOMMANDS[args[0]][0], args[1:]
    else:
        module = READER
    try:
        run: Callable[[list[str]], int] = importlib.import_module(f"glossary_tui.cli.{module}").run
        return run(args)
    except GlossaryError as error:
        print(f"glossary-tui: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("glossary-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
