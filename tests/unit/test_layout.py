"""The tree is the table of contents (issue 13): every app module lives in a domain package, every
facade's names resolve, and the CLI's lazy string targets point at facades, not at private modules."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from yichao.app.cli.listing import KINDS as LIST_KINDS
from yichao.app.cli.listing import PROVIDERS
from yichao.app.cli.xlsx import KINDS as XLSX_KINDS
from yichao.app.cli.xlsx import XLSX_EXPORTERS, XLSX_IMPORTERS

SRC = Path(__file__).resolve().parents[2] / "src"
DOMAINS = ("core", "orgs", "people", "needs", "passbook", "projects", "roadshow", "certificates", "pdf",
           "sync", "stats", "history")


def test_no_app_module_outside_a_package():
    loose = sorted(p.name for p in (SRC / "app").glob("*.py") if p.name != "__init__.py")
    assert loose == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_facade_name_resolves(domain: str):
    facade = importlib.import_module(f"yichao.app.{domain}")
    names = list(getattr(facade, "__all__", []))
    assert names, f"yichao.app.{domain} has no facade"
    missing = [n for n in names if getattr(facade, n, None) is None]
    assert missing == []


@pytest.mark.parametrize("target", [*PROVIDERS.values(), *XLSX_IMPORTERS.values(), *XLSX_EXPORTERS.values()])
def test_cli_targets_are_facade_names(target: str):
    module, name = target.split(":")
    assert module.count(".") == 2, f"{target} reaches behind a facade"
    assert callable(getattr(importlib.import_module(module), name))


def test_every_kind_the_cli_offers_works():
    """`xlsx import|export KIND` and `list KIND`: a kind the CLI offers always has its function."""
    assert set(XLSX_KINDS) == set(XLSX_IMPORTERS) == set(XLSX_EXPORTERS)
    assert set(LIST_KINDS) == set(PROVIDERS)
