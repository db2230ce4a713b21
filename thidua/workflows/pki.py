"""A TEST PKI for the province's units (and further people, e.g. a council's): keys, signature and seal images."""
from __future__ import annotations

from pathlib import Path

from generators.core.model import Province
from signing.testpki.images import seal_png, signature_png
from signing.testpki.layout import PkiLayout
from signing.testpki.pki import Subject, TestPki


def init_pki(province: Province, folder: Path, password: bytes, units: list[str] | None = None,
             people: list[Subject] = (), crl_url: str | None = None) -> PkiLayout:
    """Keys and images for the units' leaders and organisations, and for further `people`; with `crl_url`,
    the certificates name the CRLs the PKI writes to `crl/` (published there by whoever serves the folder)."""
    layout = PkiLayout(Path(folder))
    pki = TestPki(layout.folder, password, crl_url)
    for person in people:
        pki.issue(person, "nguoi-ky")
        signature_png(person.common_name, layout.signature_image(person.key))
    codes = units or sorted(province.units)
    codes = list(dict.fromkeys([*codes, *(province.unit(c).issuer_code for c in codes)]))  # and clusters' leads
    for code in codes:
        unit = province.unit(code)
        if unit.leader is None:
            continue
        pki.issue(Subject(code, unit.leader.name, unit.name, unit.place), "nguoi-ky")
        signature_png(unit.leader.name, layout.signature_image(code))
        if unit.kind.sealed:  # a cluster or bloc has no seal nor organisation certificate of its own
            pki.issue(Subject(code, unit.name, unit.name, unit.place), "to-chuc")
            seal_png(list(unit.header_agency), layout.seal_image(code), unit.kind.seal_mm)
    return layout
