"""Award certificates (bằng khen, giấy chứng nhận) of an issued decision: one per awardee, with the decision's
number and date as the register gave them, on the page the board's certificates.yaml sets."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generators.core.errors import ConfigError
from generators.core.model import Province
from generators.core.text import vn_date
from generators.core.yamlfile import read_yaml
from generators.commendation.contexts import subject_line

FILE = Path("commendation") / "certificates.yaml"


@dataclass(frozen=True)
class CertificateForm:
    title: str  # "BẰNG KHEN"
    award: str = ""  # the title awarded, for a danh hiệu: "Danh hiệu Chiến sĩ thi đua cấp tỉnh"


@dataclass(frozen=True)
class CertificateConfig:
    page_mm: tuple[float, float]  # width, height
    forms: dict[str, CertificateForm]  # by award code


def load_certificates(data_dir: Path) -> CertificateConfig:
    path = Path(data_dir) / FILE
    if not path.exists():
        raise ConfigError(f"Không có {path}: tệp ghi mẫu bằng, giấy chứng nhận cho từng hình thức khen thưởng.")
    raw = read_yaml(path).data or {}
    try:
        width, height = (float(x) for x in raw["page_mm"])
        forms = {str(code): CertificateForm(str(f["title"]), str(f.get("award", "")))
                 for code, f in (raw["certificates"] or {}).items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: cần «page_mm: [rộng, cao]» và «certificates: {{mã: {{title: …}}}}» ({exc}).") \
            from None
    if not (100 <= min(width, height) and max(width, height) <= 600):
        raise ConfigError(f"{path}: khổ giấy {width:g} × {height:g} mm không hợp lý.")
    return CertificateConfig((width, height), forms)


def certificate_contexts(province: Province, rnd, config: CertificateConfig, decision: str,
                         day: dt.date) -> tuple[list[dict], list[str]]:
    """(one context per awardee whose award has a certificate, the awards printed on none: a Cờ thi đua)."""
    decider = province.unit(rnd.meta["decider"])
    out, none = [], []
    for i, c in enumerate(rnd.awardees, start=1):
        form = config.forms.get(c.verdict.proposal.award)
        line = subject_line(province, c)
        if form is None:
            none.append(f"{line['name']}: {c.verdict.award_name}")
            continue
        achievement = c.verdict.proposal.achievement.strip().rstrip(".")
        out.append({
            "authority": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {decider.header_agency[-1]}",
            "title": form.title,
            "award": form.award,
            "name": line["name"],
            "position": line["position"],
            "achievement": (f"Đã có thành tích {achievement[:1].lower() + achievement[1:]}" if achievement else
                            "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước") + f" năm {c.verdict.proposal.year}.",
            "decision_line": f"Quyết định số {decision} {vn_date(day)}",
            "book_line": f"Số sổ vàng: {i:02d}/{day.year}",
            "date_line": f"{decider.place}, {vn_date(day)}",
            "signature_lines": decider.signature_lines("QĐ"),
            "signer_name": decider.leader.name if decider.leader else "",
            "width_mm": config.page_mm[0],
            "slug": f"{i:02d}",
        })
    return out, none
