"""`thidua serve`: the workspace opened (created for the sample province on first start), the demo accounts
printed, the server run on loopback by uvicorn, the request log written to the workspace's log file."""
from __future__ import annotations

import logging
from pathlib import Path

from dispatch.register.postgres import redact
from thidua.settings import Settings
from thidua.tasks.opening import open_queue
from thidua.web.app import create_app
from thidua.workflows.workspace.setup import DEMO_PASSPHRASE, DEMO_PASSWORD, create_demo_workspace, demo_accounts
from thidua.workflows.workspace.space import WorkspaceConfig

LOG_NAME = "thidua-web.log"


def configure_logging(folder: Path) -> Path:
    path = Path(folder) / LOG_NAME
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    for name in ("thidua", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
    return path


def banner(config: WorkspaceConfig, settings: Settings, url: str) -> str:
    lines = [f"thidua: không gian làm việc {config.folder}, năm {settings.year}", f"Mở {url}", "",
             "Tài khoản mẫu (chỉ cho dữ liệu mẫu; mật khẩu đăng nhập của mọi tài khoản: "
             f"{DEMO_PASSWORD}; mật khẩu khóa ký thử nghiệm: {DEMO_PASSPHRASE}):"]
    for person in demo_accounts(settings):
        lines.append(f"  {person.username:<18} {person.role:<10} {person.unit:<14} {person.display_name}")
    return "\n".join(lines)


def serve(settings: Settings, config: WorkspaceConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    Path(config.folder).mkdir(parents=True, exist_ok=True)
    log_file = configure_logging(config.folder)
    ws = create_demo_workspace(config, settings)
    app = create_app(ws, open_queue(ws, settings.redis_url))
    print(banner(config, settings, f"http://{host}:{port}/"), flush=True)
    print(f"Hàng đợi: {'Redis ' + redact(settings.redis_url) if settings.redis_url else 'trong máy chủ'}", flush=True)
    print(f"Nhật ký máy chủ: {log_file}", flush=True)
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False)
