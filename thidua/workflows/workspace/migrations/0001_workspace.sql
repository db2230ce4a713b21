-- Portable SQL (SQLite and PostgreSQL): ids and times are text written by Python.
CREATE TABLE accounts (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  unit TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  key_file TEXT NOT NULL DEFAULT ''
);
CREATE TABLE login_failures (
  login_key TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (login_key, at);
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL,
  year INTEGER NOT NULL,
  filename TEXT NOT NULL,
  stored TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  at TEXT NOT NULL,
  readable INTEGER NOT NULL,
  is_current INTEGER NOT NULL,
  findings INTEGER NOT NULL,
  findings_json TEXT NOT NULL DEFAULT ''
);
CREATE INDEX uploads_unit ON uploads (unit, year, at);
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  docx TEXT NOT NULL,
  pdf TEXT NOT NULL,
  undecided TEXT NOT NULL DEFAULT '',
  notation TEXT NOT NULL DEFAULT '',
  issued_date TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL DEFAULT '',
  drafted TEXT NOT NULL DEFAULT '',
  updated TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_one_per_unit ON documents (unit, year, kind);
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  owner TEXT NOT NULL,
  unit TEXT NOT NULL,
  args TEXT NOT NULL,
  state TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE TABLE audit (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  sha256 TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit (at);
