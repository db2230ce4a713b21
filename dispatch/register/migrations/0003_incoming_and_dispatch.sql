-- The incoming register (sổ đăng ký văn bản đến, Decree 30/2020 Appendix IV): one row per received document,
-- numbered per receiver and year from 1 (số đến). Portable SQL for SQLite and PostgreSQL.
CREATE TABLE IF NOT EXISTS incoming (
    receiver TEXT NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    code_number TEXT NOT NULL,
    code_notation TEXT NOT NULL,
    issued_date TEXT NOT NULL,
    type_name TEXT NOT NULL,
    subject TEXT NOT NULL,
    signer TEXT NOT NULL,
    document_id TEXT NOT NULL,
    business_type INTEGER NOT NULL DEFAULT 0,
    document TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (receiver, year, number)
);
-- Column (8) of the outgoing register, "Ngày chuyển", was kept as dispatched_date since 0001; its recipients:
ALTER TABLE outgoing ADD COLUMN dispatched_to TEXT NOT NULL DEFAULT ''
