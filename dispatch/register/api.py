"""The register's interface: allocate the next number and record the entry in one transaction.

Numbers run per issuer, per calendar year and per sequence, from 1. The number is
allocated inside the same write transaction that records the entry, so concurrent
issuers never share one, and a failed or killed issuance rolls back and consumes none.
"""
from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, contextmanager
from dataclasses import astuple, fields
from pathlib import Path

from dispatch.record import DocumentFiles, IssuedDocument, ReceivedDocument, SignerInfo
from dispatch.register import schema

# The register's columns, in the order every backend writes and reads them.
COLUMNS = ("issuer", "year", "sequence", "number", "notation", "issued_date", "type_and_subject", "signer",
           "recipients", "file_copy", "copies", "note", "document", "issued_at", "kind", "organ_name",
           "signer_position", "pages", "sha256", "dispatched_date", "dispatched_to", "receipt")
INCOMING = tuple(f.name for f in fields(ReceivedDocument))


def to_row(doc: IssuedDocument) -> tuple:
    return (doc.issuer, doc.year, doc.sequence, doc.number, doc.notation, doc.issued_date.isoformat(), doc.subject,
            doc.signer.full_name, "\n".join(doc.recipients), doc.file_copy, doc.copies, doc.description,
            str(doc.files.issued_pdf or ""), doc.issued_at, doc.kind, doc.organ_name, doc.signer.position, doc.pages,
            doc.files.issued_sha256, doc.dispatched_date.isoformat() if doc.dispatched_date else None,
            "\n".join(doc.dispatched_to), "\n".join(doc.receipts))


def from_row(row) -> IssuedDocument:
    r = dict(zip(COLUMNS, row))
    return IssuedDocument(
        kind=r["kind"], issuer=r["issuer"], organ_name=r["organ_name"], subject=r["type_and_subject"],
        number=r["number"], notation=r["notation"], issued_date=dt.date.fromisoformat(r["issued_date"]),
        signer=SignerInfo(r["signer"], r["signer_position"]),
        recipients=tuple(r["recipients"].split("\n")) if r["recipients"] else (), file_copy=r["file_copy"],
        pages=r["pages"], copies=r["copies"], description=r["note"] or "", sequence=r["sequence"],
        issued_at=r["issued_at"], title=r["type_and_subject"],
        files=DocumentFiles(issued_pdf=Path(r["document"]) if r["document"] else None, issued_sha256=r["sha256"]),
        dispatched_date=dt.date.fromisoformat(r["dispatched_date"]) if r["dispatched_date"] else None,
        dispatched_to=tuple(r["dispatched_to"].split("\n")) if r["dispatched_to"] else (),
        receipts=tuple(r["receipt"].split("\n")) if r["receipt"] else ())


def incoming_row(doc: ReceivedDocument) -> tuple:
    values = astuple(doc)
    return tuple("" if v is None else v.isoformat() if isinstance(v, dt.date) else str(v) if isinstance(v, Path)
                 else v for v in values)


def incoming_from_row(row) -> ReceivedDocument:
    r = dict(zip(INCOMING, row))
    r["issued_date"] = dt.date.fromisoformat(r["issued_date"])
    r["document"] = Path(r["document"]) if r["document"] else None
    return ReceivedDocument(**r)


class Allocation(ABC):
    """The number held under the register's lock until the block that asked for it ends."""

    number: int

    @abstractmethod
    def record(self, doc: IssuedDocument) -> None:
        """Write the entry; it must carry the allocated number."""


class Receipt(ABC):
    """The incoming number held under the register's lock until the block that asked for it ends."""

    number: int

    @abstractmethod
    def record(self, doc: ReceivedDocument) -> None:
        """Write the incoming entry; it must carry the allocated number."""


class Register(ABC):
    """The outgoing and incoming registers of one office (or a province's server); a context manager."""

    @abstractmethod
    def allocation(self, issuer: str, year: int, sequence: str = "") -> AbstractContextManager[Allocation]:
        """Hold the write lock for this sequence; yield the next number; commit only if the block succeeds."""

    @abstractmethod
    def entries(self, issuer: str | None = None, year: int | None = None) -> list[IssuedDocument]:
        """Entries in register order (issuer, year, sequence, number)."""

    @abstractmethod
    def mark_dispatched(self, doc: IssuedDocument, day: dt.date, organ_ids: tuple[str, ...]) -> None:
        """Fill column (8) Ngày chuyển of an issued document sent by edXML, and whom it went to."""

    @abstractmethod
    def mark_receipt(self, doc: IssuedDocument, line: str) -> None:
        """Add a recipient's answer to column (9) Ký nhận."""

    @abstractmethod
    def receiving(self, receiver: str, year: int) -> AbstractContextManager[Receipt]:
        """Hold the incoming register's lock for this receiver; yield the next số đến; commit if the block succeeds."""

    @abstractmethod
    def received(self, receiver: str | None = None, year: int | None = None) -> list[ReceivedDocument]:
        """Incoming entries in register order (receiver, year, number)."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def check_allocated(doc: IssuedDocument, number: int) -> None:
    if doc.number != number:
        raise ValueError("the entry must carry the allocated number")


def select_query(placeholder: str, issuer: str | None, year: int | None) -> tuple[str, list]:
    query, args = f"SELECT {', '.join(COLUMNS)} FROM outgoing WHERE 1=1", []
    if issuer:
        query += f" AND issuer={placeholder}"
        args.append(issuer)
    if year:
        query += f" AND year={placeholder}"
        args.append(year)
    return query + " ORDER BY issuer, year, sequence, number", args


def insert_query(placeholder: str, table: str = "outgoing", columns: tuple[str, ...] = COLUMNS) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([placeholder] * len(columns))})"


class SqlRegister(Register):
    """What both SQL backends share; a subclass opens `_db` (a DB-API connection with `execute`) and takes its
    write lock in `_locked(key)`."""

    placeholder = "?"
    _db = None

    @abstractmethod
    def _locked(self, key: str) -> AbstractContextManager[None]:
        """One write transaction holding the lock named `key`; rolled back if the block fails."""

    @contextmanager
    def allocation(self, issuer: str, year: int, sequence: str = ""):
        with self._locked(f"{issuer}\n{year}\n{sequence}"):
            yield SqlAllocation(self, self._next_number(issuer, year, sequence))

    @contextmanager
    def receiving(self, receiver: str, year: int):
        p = self.placeholder
        with self._locked(f"incoming\n{receiver}\n{year}"):
            (last,) = self._db.execute(f"SELECT COALESCE(MAX(number), 0) FROM incoming WHERE receiver={p} "
                                       f"AND year={p}", (receiver, year)).fetchone()
            yield SqlReceipt(self, last + 1)

    def received(self, receiver: str | None = None, year: int | None = None) -> list[ReceivedDocument]:
        p, query, args = self.placeholder, f"SELECT {', '.join(INCOMING)} FROM incoming WHERE 1=1", []
        for column, value in (("receiver", receiver), ("year", year)):
            if value:
                query += f" AND {column}={p}"
                args.append(value)
        rows = self._db.execute(query + " ORDER BY receiver, year, number", args).fetchall()
        return [incoming_from_row(r) for r in rows]

    def _update(self, doc: IssuedDocument, assignments: str, values: tuple) -> None:
        p = self.placeholder
        with self._locked(f"{doc.issuer}\n{doc.year}\n{doc.sequence}"):
            self._db.execute(f"UPDATE outgoing SET {assignments} WHERE issuer={p} AND year={p} AND notation={p}",
                             (*values, doc.issuer, doc.year, doc.notation))

    def mark_dispatched(self, doc: IssuedDocument, day: dt.date, organ_ids: tuple[str, ...]) -> None:
        p = self.placeholder
        self._update(doc, f"dispatched_date={p}, dispatched_to={p}", (day.isoformat(), "\n".join(organ_ids)))

    def mark_receipt(self, doc: IssuedDocument, line: str) -> None:
        current = next((d for d in self.entries(doc.issuer, doc.year) if d.notation == doc.notation), doc)
        if line not in current.receipts:
            self._update(doc, f"receipt={self.placeholder}", ("\n".join([*current.receipts, line]),))

    def _apply_migrations(self) -> None:
        """Inside the caller's transaction and lock: bring the schema to the latest version."""
        p = self.placeholder
        self._db.execute(schema.VERSION_TABLE)
        current = self.schema_version()
        for version, statements in schema.pending(current):
            for sql in statements:
                self._db.execute(sql)
            current = version
        self._db.execute("DELETE FROM schema_version")
        self._db.execute(f"INSERT INTO schema_version (version) VALUES ({p})", (current,))

    def _next_number(self, issuer: str, year: int, sequence: str) -> int:
        p = self.placeholder
        (last,) = self._db.execute(f"SELECT COALESCE(MAX(number), 0) FROM outgoing WHERE issuer={p} AND year={p} "
                                   f"AND sequence={p}", (issuer, year, sequence)).fetchone()
        return last + 1

    def schema_version(self) -> int:
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return row[0] or 0

    def entries(self, issuer: str | None = None, year: int | None = None) -> list[IssuedDocument]:
        query, args = select_query(self.placeholder, issuer, year)
        return [from_row(r) for r in self._db.execute(query, args).fetchall()]

    def close(self) -> None:
        self._db.close()


class SqlAllocation(Allocation):
    def __init__(self, register: SqlRegister, number: int):
        self._register, self.number = register, number

    def record(self, doc: IssuedDocument) -> None:
        check_allocated(doc, self.number)
        self._register._db.execute(insert_query(self._register.placeholder), to_row(doc))


class SqlReceipt(Receipt):
    def __init__(self, register: SqlRegister, number: int):
        self._register, self.number = register, number

    def record(self, doc: ReceivedDocument) -> None:
        check_allocated(doc, self.number)
        self._register._db.execute(insert_query(self._register.placeholder, "incoming", INCOMING), incoming_row(doc))
