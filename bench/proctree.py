"""Peak resident memory of a process and all its descendants, sampled from /proc (Linux)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its descendants now."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
        stack += _children(current)
    return total


def run_measured(command: list[str], **kwargs) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run ``command``; return wall seconds, peak tree RSS in bytes, and the completed process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    return elapsed, peak, subprocess.CompletedProcess(command, process.returncode, out, err)


def self_rss() -> int:
    """This process's resident bytes."""
    return tree_rss(os.getpid())
