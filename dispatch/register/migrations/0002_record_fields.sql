-- The fields of the issued-document record (Appendix VI) the register did not keep yet.
ALTER TABLE outgoing ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE outgoing ADD COLUMN organ_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outgoing ADD COLUMN signer_position TEXT NOT NULL DEFAULT '';
ALTER TABLE outgoing ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outgoing ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''
