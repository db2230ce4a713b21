"""A new workspace for the sample province: its data, a TEST PKI whose keys each person protects with their
own passphrase, and demo accounts for every role."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

from generators.commendation.round import commendation_dir
from generators.core.config import load_province
from generators.core.yamlfile import read_yaml
from thidua.settings import Settings
from thidua.workflows.pki import init_pki
from thidua.workflows.dossier import CHAIR_KEY, SECRETARY_KEY, council_people
from thidua.workflows.workspace.accounts import (ARCHIVIST, BOARD, CHAIR, CLERK, LEADER, RECORDS, SECRETARY,
                                                 accounts, add_account)
from thidua.workflows.workspace.rounds import round_facts, whole_round
from thidua.workflows.workspace.space import Workspace, WorkspaceConfig, copy_data

# Two communes of Đông Hải whose 2024 lists are left for their clerks to send through the workspace.
DEMO_UNITS = ("DH-XLONGDIEN", "DH-XDIENHAI")
DEMO_PASSWORD = "thidua-demo-2024"
"""Every demo account's password: the sample workspace only, printed at start; never a real deployment's."""
DEMO_PASSPHRASE = "ky-so-demo-2024"
"""The passphrase protecting the demo leaders' and records offices' TEST keys."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    unit: str
    display_name: str


def demo_accounts(settings: Settings) -> list[DemoAccount]:
    province = load_province(settings.data)
    board = province.unit(province.plan.board)
    out = []
    for code, short in zip(DEMO_UNITS, ("longdien", "dienhai")):
        unit = province.unit(code)
        out += [DemoAccount(f"canbo.{short}", CLERK, code, f"Cán bộ thi đua {unit.name}"),
                DemoAccount(f"lanhdao.{short}", LEADER, code, unit.leader.name),
                DemoAccount(f"vanthu.{short}", RECORDS, unit.issuer_code, f"Văn thư {province.unit(unit.issuer_code).name}")]
    out += [DemoAccount("bantdkt", BOARD, board.code, f"Ban Thi đua - Khen thưởng, {board.name}"),
            DemoAccount("luutru", ARCHIVIST, "", "Lưu trữ lịch sử tỉnh")]
    path = commendation_dir(settings.data) / f"round-{settings.year}.yaml"
    if path.exists():  # the commendation round's signers: the board's director, the chairman, the council
        facts = read_yaml(path).data
        board, decider, council = (province.unit(facts["board"]), province.unit(facts["decider"]),
                                   facts["council"])
        out += [DemoAccount("lanhdao.snv", LEADER, board.code, board.leader.name),
                DemoAccount("vanthu.snv", RECORDS, board.code, f"Văn thư {board.name}"),
                DemoAccount("chutich.ubnd", LEADER, decider.code, decider.leader.name),
                DemoAccount("vanthu.ubnd", RECORDS, decider.code, f"Văn thư {decider.name}"),
                DemoAccount("thuky.hoidong", SECRETARY, council["abbr"], council["secretary"]),
                DemoAccount("chutoa.hoidong", CHAIR, council["abbr"], council["chair"])]
    return out


def _rewrap(source: Path, password: bytes, target: Path, passphrase: bytes, name: str) -> None:
    """The same key and certificates, now protected by the person's passphrase (AES, PBKDF2)."""
    key, cert, chain = pkcs12.load_key_and_certificates(source.read_bytes(), password)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pkcs12.serialize_key_and_certificates(name.encode(), key, cert, chain,
                                                             BestAvailableEncryption(passphrase)))
    target.chmod(0o600)


def create_demo_workspace(config: WorkspaceConfig, settings: Settings) -> Workspace:
    """The sample province in a new folder, ready for `thidua serve`; an existing workspace is opened as is."""
    folder = Path(config.folder)
    if not (folder / "data").exists():
        folder.mkdir(parents=True, exist_ok=True)
        copy_data(settings.data, folder / "data", settings.year, set(DEMO_UNITS))
    ws = Workspace(config, settings)
    if accounts(ws.db):
        return ws
    province = ws.province
    pki_password = secrets.token_urlsafe(24).encode()  # only until each key is re-protected by its holder's passphrase
    people = demo_accounts(ws.settings)
    units = sorted({p.unit for p in people if p.unit in province.units and p.role in (LEADER, RECORDS)})
    council = council_people(whole_round(ws)) if round_facts(ws) else []
    layout = init_pki(province, ws.settings.pki_folder, pki_password, units, people=council)
    council_keys = {SECRETARY: SECRETARY_KEY, CHAIR: CHAIR_KEY}
    for person in people:
        key_file = ""
        if person.role in (LEADER, RECORDS, SECRETARY, CHAIR):
            source = (layout.org_p12(person.unit) if person.role == RECORDS else
                      layout.leader_p12(council_keys.get(person.role, person.unit)))
            key_file = f"keys/{person.username}.p12"
            _rewrap(source, pki_password, ws.path(key_file), DEMO_PASSPHRASE.encode(), person.display_name)
        add_account(ws.db, person.username, person.display_name, person.role, person.unit, DEMO_PASSWORD, key_file)
    for p12 in layout.folder.rglob("*.p12"):
        p12.unlink()  # the PKI's copies under a password nobody knows
    return ws
