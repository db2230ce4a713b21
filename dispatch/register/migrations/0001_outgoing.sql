-- The outgoing register (sổ đăng ký văn bản đi), Decree 30/2020 Appendix IV: columns (1)-(10).
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Registers made before
-- versioned migrations already hold this table (with an extra rowid column): IF NOT EXISTS keeps them.
CREATE TABLE IF NOT EXISTS outgoing (
    issuer TEXT NOT NULL,
    year INTEGER NOT NULL,
    sequence TEXT NOT NULL DEFAULT '',
    number INTEGER NOT NULL,
    notation TEXT NOT NULL,
    issued_date TEXT NOT NULL,
    type_and_subject TEXT NOT NULL,
    signer TEXT NOT NULL,
    recipients TEXT NOT NULL,
    file_copy TEXT NOT NULL DEFAULT '',
    copies INTEGER NOT NULL DEFAULT 1,
    dispatched_date TEXT,
    receipt TEXT,
    note TEXT,
    document TEXT,
    issued_at TEXT NOT NULL,
    UNIQUE (issuer, year, sequence, number),
    UNIQUE (issuer, year, notation)
)
