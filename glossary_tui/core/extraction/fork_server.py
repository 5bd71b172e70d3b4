"""Imported only by the extraction pool's fork server: load the pipeline every worker will be forked with.

The fork server is a fresh, single-threaded Python process (started by exec,
not forked from the reader, whose other threads might hold locks a forked
child would inherit locked). ``multiprocessing`` imports this module in it
before it forks any worker, so the pipeline named in
:data:`~glossary_tui.core.extraction.spacy_extractor.POOL_PIPELINE_VARIABLE`
is loaded once per process that extracts in parallel, and workers start with
it in memory. If it cannot be loaded here, each worker loads it at start and
reports the error as it would.
"""

from __future__ import annotations

import contextlib
import json
import os

from glossary_tui.core.errors import GlossaryError
from glossary_tui.core.extraction.spacy_extractor import POOL_PIPELINE_VARIABLE, preload_worker_pipeline

_wanted = os.environ.get(POOL_PIPELINE_VARIABLE)
if _wanted:
    _model_name, _labels = json.loads(_wanted)
    with contextlib.suppress(GlossaryError):
        preload_worker_pipeline(_model_name, frozenset(_labels))
