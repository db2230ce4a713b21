"""Reading what a form sent: the uploaded file, the chosen documents, the passphrase."""
from __future__ import annotations

from starlette.datastructures import FormData, UploadFile


async def uploaded(form: FormData, field: str = "file") -> tuple[str, bytes] | None:
    """(file name, content) of the form's file, or None when no file was chosen."""
    file = form.get(field)
    if not isinstance(file, UploadFile) or not file.filename:
        return None
    return file.filename, await file.read()


class Missing(Exception):
    """A form sent without what it needs: the app shows the message on the page the form came from."""

    def __init__(self, message: str, back_to: str):
        super().__init__(message)
        self.back_to = back_to


async def required_file(form: FormData, missing: str, back_to: str, field: str = "file") -> tuple[str, bytes]:
    """(file name, content) of the form's file; Missing, with `missing` as the message, when none was chosen."""
    file = await uploaded(form, field)
    if file is None:
        raise Missing(missing, back_to)
    return file


def chosen(form: FormData) -> list[str]:
    return [str(i) for i in form.getlist("document")]


def passphrase(form: FormData) -> bytes | None:
    """The key's passphrase as bytes, or None when left empty; never logged, never stored."""
    text = str(form.get("passphrase") or "")
    return text.encode("utf-8") if text else None
