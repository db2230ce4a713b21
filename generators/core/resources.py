"""Folders shipped with thidua (templates, the sample province): package resources once installed.

In a wheel they are the packages `generators.documents.template_files` and
`thidua.sample_data` (see pyproject.toml); in a checkout or an editable install
they are the repository's top-level `templates/` and `data/`.
"""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def bundled_folder(package: str, checkout_folder: str) -> Path:
    try:
        spec = find_spec(package)  # a folder of data files: a namespace package, so no importlib.resources.files
    except ModuleNotFoundError:
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return CHECKOUT / checkout_folder
    return Path(list(spec.submodule_search_locations)[0])


def templates_folder() -> Path:
    return bundled_folder("generators.documents.template_files", "templates")


def sample_data_folder() -> Path:
    return bundled_folder("thidua.sample_data", "data")
