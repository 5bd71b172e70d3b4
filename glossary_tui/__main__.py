"""Allow `python -m glossary_tui`."""

from glossary_tui.cli import main

raise SystemExit(main())
