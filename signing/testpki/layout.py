"""Where `thidua pki init` puts each unit's keys and images (a TEST PKI, never the production key path)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generators.core.files import inside


@dataclass(frozen=True)
class PkiLayout:
    folder: Path

    @property
    def root(self) -> Path:
        return self.folder / "root.pem"

    @property
    def intermediate(self) -> Path:
        return self.folder / "intermediate.pem"

    def leader_p12(self, code: str) -> Path:
        return inside(self.folder, "nguoi-ky", f"{code}.p12")

    def org_p12(self, code: str) -> Path:
        return inside(self.folder, "to-chuc", f"{code}.p12")

    def signature_image(self, code: str) -> Path:
        return inside(self.folder, "hinh-anh", f"chu-ky-{code}.png")

    def seal_image(self, code: str) -> Path:
        return inside(self.folder, "hinh-anh", f"con-dau-{code}.png")
