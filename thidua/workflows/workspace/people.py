"""Accounts of a real workspace, set up by its administrator from the command line."""
from __future__ import annotations

import shutil
from pathlib import Path

from generators.core.errors import ThiduaError
from thidua.workflows.workspace.accounts import ARCHIVIST, BOARD, ROLE_NAMES, Account, account, add_account
from thidua.workflows.workspace.rounds import council_code
from thidua.workflows.workspace.space import Workspace

MIN_PASSWORD = 10


def add_person(ws: Workspace, username: str, role: str, unit: str, display_name: str, password: bytes,
               key_source: Path | None = None) -> Account:
    """A new account; `key_source`, a PKCS#12 file its holder protects with their own passphrase, is copied
    into the workspace as their server-held key."""
    if not username or len(username) > 60 or not all(ch.isalnum() or ch in "._-" for ch in username):
        raise ThiduaError("Tên đăng nhập chỉ gồm chữ, số và các dấu . _ - (tối đa 60 ký tự).")
    if role not in ROLE_NAMES:
        raise ThiduaError(f"Vai trò «{role}» không có; chọn một trong: {', '.join(ROLE_NAMES)}.")
    if role != ARCHIVIST and unit not in ws.province.units and unit != council_code(ws):
        raise ThiduaError(f"Không có đơn vị mã «{unit}» trong dữ liệu của không gian làm việc.")
    if role == BOARD and unit != ws.province.plan.board:
        raise ThiduaError(f"Tài khoản Ban Thi đua - Khen thưởng thuộc đơn vị {ws.province.plan.board}.")
    if len(password) < MIN_PASSWORD:
        raise ThiduaError(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")
    if account(ws.db, username):
        raise ThiduaError(f"Đã có tài khoản «{username}».")
    key_file = ""
    if key_source:
        if not Path(key_source).is_file():
            raise ThiduaError(f"Không tìm thấy tệp khóa {key_source}.")
        key_file = f"keys/{username}.p12"
        target = ws.path(key_file)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(key_source, target)
        target.chmod(0o600)
    return add_account(ws.db, username, display_name, role, unit, password.decode("utf-8"), key_file)
