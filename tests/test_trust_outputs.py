"""Issue 8, items 3, 7 and 10: one run per output folder, no replay deleting a register, outputs that stay inside
their folder, exported cells that never become formulas, LibreOffice without secrets, nothing left by a killed run."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
import yaml

from dispatch.record import IssuedDocument, SignerInfo
from dispatch.register import open_register
from generators.core.config import load_province
from generators.core.errors import ConfigError, ThiduaError
from generators.core.files import FolderLock, inside
from generators.documents.convert import Converter, ConverterConfig
from generators.workbooks.reports import HEADER_ROW, write_sheet
from thidua.cli import main

from .conftest import DATA


def test_a_second_run_on_one_folder_is_refused_naming_the_first(tmp_path, capsys):
    with FolderLock(tmp_path):
        assert main(["demo", "--out", str(tmp_path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"tiến trình {os.getpid()}" in err and "Traceback" not in err
    assert not (tmp_path / "2024").exists()  # nothing written, nothing deleted


def test_the_lock_is_released_when_its_holder_dies(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from generators.core.files import "
                               "FolderLock; l = FolderLock(sys.argv[1]); l.__enter__(); print('ok', flush=True); "
                               "time.sleep(60)", str(tmp_path)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
    assert holder.stdout.readline().strip() == "ok"
    with pytest.raises(ThiduaError):
        FolderLock(tmp_path).__enter__()
    holder.kill()
    holder.wait()
    with FolderLock(tmp_path):  # the kernel released the dead holder's lock
        pass


def test_the_demo_never_deletes_a_register_that_holds_documents(tmp_path, capsys):
    register = tmp_path / "2024" / "so-dang-ky-van-ban-di.sqlite"
    with open_register(register) as reg:
        with reg.allocation("SNV", 2024) as a:
            a.record(IssuedDocument("DS", "SNV", "Sở Nội vụ", "Danh sách", a.number, "01/DS-SNV",
                                    dt.date(2024, 2, 1), SignerInfo("Dương Minh Trung")))
    assert main(["demo", "--out", str(tmp_path), "--quiet"]) == 2
    assert "đã có 1 văn bản" in capsys.readouterr().err
    with open_register(register) as reg:
        assert [e.notation for e in reg.entries()] == ["01/DS-SNV"]


@pytest.mark.parametrize("code", ["../../X", "a/b", "UBND\x00X", "X" * 300, "", "..", "ĐẮK LẮK"])
def test_unsafe_unit_codes_are_refused(tmp_path, code):
    data = tmp_path / "data"
    import shutil

    shutil.copytree(DATA, data)
    raw = yaml.safe_load((data / "province.yaml").read_text(encoding="utf-8"))
    raw["units"][5]["code"] = code
    (data / "province.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_province(data)
    assert "mã đơn vị" in str(exc.value)


def test_outputs_stay_inside_their_folder(tmp_path):
    assert inside(tmp_path, "2024", "SNV", "DS-2024-SNV.pdf") == tmp_path / "2024" / "SNV" / "DS-2024-SNV.pdf"
    for parts in [("..", "x"), ("/etc", "passwd"), ("a", "..", "..", "b")]:
        with pytest.raises(ThiduaError):
            inside(tmp_path, *parts)


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","bấm")', "+1+2", "-2+3", "@SUM(A1)", " =1+1",
                                   "\u00a0=1+1", "\t=cmd|' /C calc'!A0"])
def test_exported_cells_never_become_formulas(tmp_path, value):
    path = tmp_path / "x.xlsx"
    write_sheet(path, "Kết quả", "KẾT QUẢ", "dữ liệu", ["Tên"], [20], [[value]], dt.date(2024, 1, 1))
    cell = openpyxl.load_workbook(path).active.cell(HEADER_ROW + 1, 1)
    assert cell.data_type == "s" and cell.value == value


def test_libreoffice_gets_no_secret_in_its_environment(tmp_path, monkeypatch):
    dump = tmp_path / "env.txt"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nenv > {dump}\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("THIDUA_KEY_PASSWORD", "mat-khau-khong-duoc-lo")
    monkeypatch.setenv("THIDUA_PIN", "123456")
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    with pytest.raises(Exception):
        Converter(ConverterConfig(soffice=str(fake), attempts=1, startup_timeout=5)).convert([(docx, tmp_path / "a.pdf")])
    env = dump.read_text()
    assert "mat-khau-khong-duoc-lo" not in env and "123456" not in env and "HOME=" in env


@pytest.mark.slow
def test_a_killed_run_leaves_no_libreoffice_and_no_temporary_folder(tmp_path):
    work = tmp_path / "tmp"
    work.mkdir()
    env = {**os.environ, "TMPDIR": str(work)}
    run = subprocess.Popen([sys.executable, "-m", "thidua", "generate", "--out", str(tmp_path / "out"), "--quiet"],
                           env=env, cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not _soffice_under(work):
        time.sleep(0.1)
    assert _soffice_under(work), "LibreOffice never started"
    run.kill()
    run.wait()
    deadline = time.time() + 15
    while time.time() < deadline and _soffice_under(work):
        time.sleep(0.2)
    assert not _soffice_under(work)  # LibreOffice died with the run
    leftovers = list(work.glob("thidua-lo-*"))
    assert leftovers  # the killed run's folder is there ...
    Converter(ConverterConfig(work_dir=work)).convert([])  # a new converter sweeps what dead runs left
    assert [p for p in leftovers if p.exists()] == []  # ... until the next run removes it


def _soffice_under(folder: Path) -> bool:
    out = subprocess.run(["pgrep", "-f", f"UserInstallation=file://{folder}"], capture_output=True, text=True)
    return bool(out.stdout.strip())


def test_what_a_killed_writer_left_is_removed_by_the_next_write(tmp_path):
    from generators.core.files import write_text

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = tmp_path / f".manifest.json.{dead.pid}.tmp"
    leftover.write_text("half")
    issuing = tmp_path / f".KH.issued.pdf.{dead.pid}.issuing"
    issuing.write_text("a complete signed file numbered 01")
    write_text(tmp_path / "manifest.json", "{}")
    assert not leftover.exists()
    from generators.core.files import remove_stale

    assert remove_stale(tmp_path, r"\.KH\.issued\.pdf\.(?P<pid>\d+)\.issuing") == [issuing]
