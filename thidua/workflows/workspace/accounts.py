"""Accounts: who someone is in the workspace (role and unit), passwords hashed with argon2, logins throttled."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from generators.core.clock import now_vn
from generators.core.errors import ThiduaError
from thidua.workflows.workspace.clock import stamp
from thidua.workflows.workspace.database import Database
from thidua.workflows.workspace.errors import LoginRefused

CLERK, LEADER, RECORDS, BOARD, ARCHIVIST = "clerk", "leader", "records", "board", "archivist"
SECRETARY, CHAIR = "secretary", "chair"  # the council's: they sign its minutes, the secretary first
ROLE_NAMES = {CLERK: "Cán bộ thi đua đơn vị", LEADER: "Lãnh đạo đơn vị", RECORDS: "Văn thư cơ quan",
              BOARD: "Ban Thi đua - Khen thưởng (Sở Nội vụ)", ARCHIVIST: "Lưu trữ",
              SECRETARY: "Thư ký Hội đồng", CHAIR: "Chủ tọa cuộc họp Hội đồng"}
SIGNERS = (LEADER, SECRETARY, CHAIR)

MAX_FAILURES = 5
"""Per account name: a guessed password is tried at most this often in THROTTLE."""
MAX_CLIENT_FAILURES = 30
"""Per client address, which an office's shared connection may send for many people."""
THROTTLE = dt.timedelta(minutes=15)

_hasher = PasswordHasher()


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    unit: str
    """The unit's code: a clerk's or leader's unit, a records office's issuing body; the board's; '' otherwise."""
    key_file: str = ""
    """The server-held PKCS#12 file (leader, records office), protected by the person's own passphrase."""
    remote_service: str = ""
    """The remote signing service (by its name in the services file) the leader signs with, or ''."""

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]


def _account(row: dict) -> Account:
    return Account(row["username"], row["display_name"], row["role"], row["unit"], row["key_file"],
                   row["remote_service"])


def add_account(db: Database, username: str, display_name: str, role: str, unit: str, password: str,
                key_file: str = "") -> Account:
    if role not in ROLE_NAMES:
        raise ThiduaError(f"Vai trò «{role}» không có; chọn một trong: {', '.join(ROLE_NAMES)}.")
    db.run("INSERT INTO accounts (username, display_name, role, unit, password_hash, key_file) VALUES (?,?,?,?,?,?)",
           (username, display_name, role, unit, _hasher.hash(password), key_file))
    return Account(username, display_name, role, unit, key_file)


def use_remote_service(db: Database, username: str, service: str) -> None:
    """The leader signs through `service` (a name in THIDUA_REMOTE_CONFIG's file); '' to stop."""
    if db.run("UPDATE accounts SET remote_service=? WHERE username=? AND role=?", (service, username, LEADER)) != 1:
        raise ThiduaError(f"Không có tài khoản lãnh đạo «{username}».")


def account(db: Database, username: str) -> Account | None:
    row = db.one("SELECT * FROM accounts WHERE username=?", (username,))
    return _account(row) if row else None


def accounts(db: Database) -> list[Account]:
    return [_account(r) for r in db.rows("SELECT * FROM accounts ORDER BY role, unit, username")]


def authenticate(db: Database, username: str, password: str, client: str) -> Account:
    """The account, or LoginRefused. Failures are counted per name and per client address; past MAX_FAILURES
    within THROTTLE the login is refused without checking the password."""
    since = stamp(now_vn() - THROTTLE)
    keys = (f"user:{username.lower()}", f"client:{client}")
    for key, limit in zip(keys, (MAX_FAILURES, MAX_CLIENT_FAILURES)):
        row = db.one("SELECT COUNT(*) AS n FROM login_failures WHERE login_key=? AND at>?", (key, since))
        if row["n"] >= limit:
            raise LoginRefused(f"Đăng nhập sai quá {limit} lần; hãy thử lại sau "
                               f"{int(THROTTLE.total_seconds() // 60)} phút.")
    row = db.one("SELECT * FROM accounts WHERE username=?", (username,))
    try:
        if row is None:
            raise VerificationError()
        _hasher.verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        at = stamp()
        for key in keys:
            db.run("INSERT INTO login_failures (login_key, at) VALUES (?, ?)", (key, at))
        raise LoginRefused("Tên đăng nhập hoặc mật khẩu không đúng.") from None
    db.run("DELETE FROM login_failures WHERE login_key=?", (keys[0],))
    return _account(row)
