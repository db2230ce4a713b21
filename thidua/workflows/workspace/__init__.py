"""The shared workspace behind the web front end: accounts, uploaded lists, documents in their e-office states,
background jobs and the audit log, in one database (SQLite by default, PostgreSQL by URL)."""
