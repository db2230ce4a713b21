"""The parties of an edXML package: sender and recipients (QCVN 102 From / To)."""
from __future__ import annotations

import re
from dataclasses import dataclass

ORGAN_ID = re.compile(r"[A-Z0-9.]{1,35}")


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


def valid_organ_id(text: str) -> bool:
    return bool(ORGAN_ID.fullmatch(text))
