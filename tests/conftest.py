"""Keep every test away from the user's real data and cache directories."""

import pytest


@pytest.fixture(autouse=True)
def isolated_user_directories(tmp_path_factory, monkeypatch):
    """Point the store and the extraction cache at fresh temporary paths."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("GLOSSARY_TUI_DB", str(home / "glossary.json"))
    monkeypatch.setenv("GLOSSARY_TUI_CACHE", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache-home"))
