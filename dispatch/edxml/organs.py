"""The parties of an edXML package: sender and recipients (QCVN 102 From / To)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Organ:
    organ_id: str
    """Mã định danh: A-Z, 0-9 and dots, up to 35 characters."""
    name: str
    """OrganName (200)."""
    in_charge: str = ""
    """OrganizationInCharge: the body it reports to."""
    address: str = ""
    email: str = ""
    telephone: str = ""
    website: str = ""

